namespace NetconfCloud.QrCodes;

/// <summary>
/// The final codeword sequence of a symbol (ISO/IEC 18004, 7.6): the data codewords split into blocks, each block's
/// Reed–Solomon codewords computed, then both interleaved — the first data codeword of every block, the second of
/// every block, and so on (the longer blocks supplying the last), followed likewise by the error correction codewords.
/// </summary>
internal static class CodewordSequence
{
    public static byte[] Build(byte[] dataCodewords, ErrorCorrectionBlocks blocks)
    {
        var generator = ReedSolomon.GeneratorPolynomial(blocks.EcCodewordsEachBlock);
        var dataBlocks = new byte[blocks.BlockCount][];
        var ecBlocks = new byte[blocks.BlockCount][];
        var offset = 0;
        for (var i = 0; i < blocks.BlockCount; i++)
        {
            var length = blocks.DataCodewordsOfBlock(i);
            dataBlocks[i] = dataCodewords[offset..(offset + length)];
            ecBlocks[i] = ReedSolomon.Remainder(dataBlocks[i], generator);
            offset += length;
        }

        var result = new List<byte>(blocks.TotalCodewords);
        Interleave(dataBlocks, result);
        Interleave(ecBlocks, result);
        return [.. result];
    }

    private static void Interleave(byte[][] blocks, List<byte> into)
    {
        var longest = blocks.Max(block => block.Length);
        for (var i = 0; i < longest; i++)
        {
            foreach (var block in blocks)
            {
                if (i < block.Length)
                {
                    into.Add(block[i]);
                }
            }
        }
    }
}
