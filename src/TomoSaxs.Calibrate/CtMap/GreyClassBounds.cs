using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.CtMap;

/// <summary>
/// The grey-level classes of the calibrated CT for the grey-class maps (<see cref="GreyClassMaps"/>): K bins of
/// equal width between the CT's 0.5th and 99.5th grey percentiles, the first and last open-ended. Equal widths
/// rather than quantiles because the materials that carry the vertical contrast (bone, the tube wall) fill little of
/// the volume: quantile bins would split the abundant air and buffer finely and merge bone with the tissue around it.
/// </summary>
public static class GreyClassBounds
{
    /// <summary>The default number of classes: enough that the materials of a spine sample (air, buffer, soft
    /// tissue, Kapton, fibres, bone) fall in different bins on the example (12 bins merge tissue with Kapton and
    /// moved the example's offset by 16 µm; 16 and 20 bins agree within 0.4 µm), few enough for a stable fit.</summary>
    public const int DefaultClasses = 16;

    /// <summary>The robust grey range's lower and upper percentiles (0–100).</summary>
    public const double LowPercentile = 0.5, HighPercentile = 99.5;

    /// <summary>
    /// The K − 1 inner bounds (grey, increasing) of <paramref name="classes"/> equal-width bins between
    /// <paramref name="low"/> and <paramref name="high"/>: class k holds grey in [bound[k − 1], bound[k]).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two classes or an empty range.</exception>
    public static double[] EqualWidth(double low, double high, int classes)
    {
        if (classes < 2)
        {
            throw new ArgumentException($"The grey classes need at least two bins (got {classes}).", nameof(classes));
        }

        if (!(high > low))
        {
            throw new ArgumentException($"The grey range [{low}, {high}] is empty.");
        }

        return [.. Enumerable.Range(1, classes - 1).Select(k => low + k * (high - low) / classes)];
    }

    /// <summary>The inner bounds of <paramref name="classes"/> equal-width bins between the CT's robust
    /// percentiles, from two streamed passes over <paramref name="ct"/> (<see cref="IntensityWindow.FromPercentiles"/>).</summary>
    public static double[] Of(ISlabReader<float> ct, int classes = DefaultClasses, int slabDepth = 16)
    {
        var window = IntensityWindow.FromPercentiles(ct, LowPercentile, HighPercentile, slabDepth);
        return EqualWidth(window.Low, window.High, classes);
    }
}
