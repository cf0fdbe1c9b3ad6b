namespace TomoSaxs.Register.Horizontal;

/// <summary>Settings of <see cref="KaptonWalls.Find"/>.</summary>
public sealed record KaptonWallOptions
{
    /// <summary>A wall peak must rise above the profile's median by this fraction of (maximum − median).</summary>
    public double PeakFraction { get; init; } = 0.3;

    /// <summary>The expected distance between the two wall peaks, µm (the inner diameter); used when only one
    /// wall is in the raster, and to judge the separation. Null: both walls are required.</summary>
    public double? ExpectedSeparationUm { get; init; }

    /// <summary>A separation further than this fraction from the expected one is treated as a failure.</summary>
    public double SeparationTolerance { get; init; } = 0.1;
}
