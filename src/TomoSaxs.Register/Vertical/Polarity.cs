namespace TomoSaxs.Register.Vertical;

/// <summary>Which sign of correlation between the WAXS map and the CT map counts as a match.</summary>
public enum Polarity
{
    /// <summary>Either: the largest |NCC| wins (the CT's grey convention need not be known).</summary>
    Either,

    /// <summary>Only positive NCC (the maps have the same contrast).</summary>
    Positive,

    /// <summary>Only negative NCC (the maps have opposite contrast).</summary>
    Negative,
}
