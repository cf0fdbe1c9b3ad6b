namespace TomoSaxs.Calibrate.Estimates;

/// <summary>Where a registration number came from.</summary>
public enum EstimateSource
{
    /// <summary>Estimated from the data by the kernel; its quality measures describe how well.</summary>
    Automatic,

    /// <summary>Pinned by a number in the scan definition; the estimate was not run. Quality measures, where
    /// given, describe how well the data agree with the pinned value.</summary>
    Pinned,
}
