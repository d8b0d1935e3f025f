namespace NetconfCloud.QrCodes;

/// <summary>
/// The four error correction levels of ISO/IEC 18004, from the least redundancy to the most. A level is the share of
/// codewords that can be restored when damaged: about 7 % (L), 15 % (M), 25 % (Q) and 30 % (H).
/// </summary>
public enum QrErrorCorrection
{
    /// <summary>Level L: about 7 % of the codewords can be restored.</summary>
    Low,

    /// <summary>Level M: about 15 % of the codewords can be restored.</summary>
    Medium,

    /// <summary>Level Q: about 25 % of the codewords can be restored.</summary>
    Quartile,

    /// <summary>Level H: about 30 % of the codewords can be restored.</summary>
    High,
}
