namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// The integer peak of a correlation surface with its quality: the peak value and how much it stands out from
/// the best value elsewhere (outside a small exclusion box around the peak).
/// </summary>
/// <param name="Offset">Where the template's first voxel lies in the reference, voxels (integers).</param>
/// <param name="Height">The surface value at the peak (phase correlation: the fraction of coherent energy, ≤ 1).</param>
/// <param name="SecondHeight">The highest value outside the exclusion box.</param>
public sealed record CorrelationPeak(Offset3 Offset, double Height, double SecondHeight)
{
    /// <summary>Height / SecondHeight: ≫ 1 for an unambiguous match, near 1 when another offset fits as well.</summary>
    public double PeakToSecond => SecondHeight > 0 ? Height / SecondHeight : double.PositiveInfinity;
}
