namespace TomoSaxs.Calibrate.Tube;

/// <summary>Settings of the Kapton tube search (<see cref="TubeCircleFinder"/>).</summary>
public sealed record TubeSearchOptions
{
    /// <summary>Rays cast per slice, evenly over 360°.</summary>
    public int Rays { get; init; } = 180;

    /// <summary>Sampling step along a ray, pixels.</summary>
    public double SampleStepPx { get; init; } = 0.25;

    /// <summary>How far inside the first crossing the wall's grey level is looked for, pixels (about the blur
    /// width; less than the wall thickness so the sample inside is not taken for the wall).</summary>
    public double WallSearchPx { get; init; } = 4;

    /// <summary>A ray's edge is kept only if the grey level just outside it is within this fraction of the wall
    /// contrast of the common (air) level; rays that start in the buffer where the tube leaves the field of view
    /// are dropped.</summary>
    public double AirTolerance { get; init; } = 0.15;

    /// <summary>The smallest radius accepted as a tube, pixels.</summary>
    public double MinRadiusPx { get; init; } = 5;

    /// <summary>The largest RMS edge residual accepted, pixels.</summary>
    public double MaxRmsPx { get; init; } = 2;

    /// <summary>The smallest fraction of rays that must meet an outer edge and fit the circle.</summary>
    public double MinRayFraction { get; init; } = 0.5;
}
