namespace TomoSaxs.Calibrate.Mask;

/// <summary>Settings of <see cref="SampleMask"/>.</summary>
public sealed record SampleMaskOptions
{
    /// <summary>The Kapton wall thickness, pixels: the sample is looked for inside radius R − wall − margin.</summary>
    public double WallPx { get; init; }

    /// <summary>Extra pixels kept clear of the inner wall surface (its blur).</summary>
    public double MarginPx { get; init; } = 2;

    /// <summary>Whether the sample is denser (brighter) than the buffer, as tissue in PBS is.</summary>
    public bool SampleBrighter { get; init; } = true;

    /// <summary>A grey value that separates sample from buffer, bypassing Otsu's threshold (the separability is
    /// still measured and reported, but no slice is left empty for a low one).</summary>
    public double? PinnedThreshold { get; init; }

    /// <summary>Below this Otsu separability the disc holds no second class (no sample in the slice) and the mask is
    /// left empty. Pure Gaussian noise gives 2/π ≈ 0.64; a sample filling 2 % of the disc at a contrast of 16 noise
    /// standard deviations gives 0.83.</summary>
    public double MinSeparability { get; init; } = 0.75;
}
