namespace NetconfCloud.QrCodes;

/// <summary>A sequence of bits written most significant first, as the data bit stream of a symbol is built.</summary>
internal sealed class BitBuffer
{
    private readonly List<bool> _bits = [];

    public int Length => _bits.Count;

    /// <summary>Appends the low <paramref name="count"/> bits of <paramref name="value"/>, most significant first.</summary>
    public void Append(int value, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 31);
        for (var i = count - 1; i >= 0; i--)
        {
            _bits.Add(((value >> i) & 1) != 0);
        }
    }

    /// <summary>The bits packed into bytes, the first bit as the high bit of the first byte (the length must be whole bytes).</summary>
    public byte[] ToBytes()
    {
        if (_bits.Count % 8 != 0)
        {
            throw new InvalidOperationException("The bit stream does not end on a byte boundary.");
        }

        var bytes = new byte[_bits.Count / 8];
        for (var i = 0; i < _bits.Count; i++)
        {
            if (_bits[i])
            {
                bytes[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }

        return bytes;
    }
}
