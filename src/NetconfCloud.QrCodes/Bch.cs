namespace NetconfCloud.QrCodes;

/// <summary>The remainder of a BCH code: the data shifted left by the check length, modulo the generator over GF(2).</summary>
internal static class Bch
{
    public static int Remainder(int data, int generator, int checkBits)
    {
        var value = data << checkBits;
        for (var bit = 30; bit >= checkBits; bit--)
        {
            if ((value & (1 << bit)) != 0)
            {
                value ^= generator << (bit - checkBits);
            }
        }

        return value;
    }
}
