namespace TomoSaxs.Calibrate.Offset;

/// <summary>How the coarse (integer) offset of the high-res CT in the low-res CT is found.</summary>
public enum CoarseMethod
{
    /// <summary>FFT normalised cross-correlation (<see cref="FftNcc"/>): the default, reliable for small templates.</summary>
    NormalisedCrossCorrelation,

    /// <summary>Phase correlation (<see cref="PhaseCorrelation"/>): sharper peaks, but only reliable when the
    /// high-res field of view is a large part of the low-res one.</summary>
    PhaseCorrelation,
}
