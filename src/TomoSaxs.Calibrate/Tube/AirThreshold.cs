namespace TomoSaxs.Calibrate.Tube;

/// <summary>
/// The grey value separating air from any material in a CT slab, where the rays of <see cref="TubeEdgeRays"/> look
/// for the first rise from air. Otsu's two-class threshold does that when air and "the rest" are the two
/// populations, but in slabs holding dense bone it falls between soft matter and bone, so the rays would stop at
/// the bone and never see the Kapton. The lower of Otsu's three-class thresholds separates air from the rest in
/// both cases; it is used unless it splits the air itself (it then puts more of the slab's border pixels, which
/// are mostly air, above it than the two-class threshold does, by over half a percent).
/// </summary>
internal static class AirThreshold
{
    // The share of border pixels a threshold may put above itself beyond the two-class one before it is taken to
    // cut into the air's noise: air noise above the threshold stops rays early and costs inliers.
    private const double AirNoiseAllowance = 0.005;

    /// <summary>The slab's air/material threshold.</summary>
    /// <exception cref="ArgumentException">The slab holds no finite value or a single value.</exception>
    public static double Of(float[,,] slab)
    {
        // One histogram of the slab in place: a slab of a large CT is not copied.
        var histogram = GreyHistogram.Of(Output.SlabMemory.AsSpan(slab));
        var two = Otsu.FromHistogram(histogram).Threshold;
        var (lower, _) = OtsuThreeClass.FromHistogram(histogram);
        if (lower >= two)
        {
            return two;
        }

        var border = Border(slab);
        var aboveTwo = border.Count(v => v >= two) / (double)border.Count;
        var aboveLower = border.Count(v => v >= lower) / (double)border.Count;
        return aboveLower <= aboveTwo + AirNoiseAllowance ? lower : two;
    }

    private static List<float> Border(float[,,] slab)
    {
        var (depth, height, width) = (slab.GetLength(0), slab.GetLength(1), slab.GetLength(2));
        var values = new List<float>();
        for (var z = 0; z < depth; z++)
        {
            for (var c = 0; c < width; c++)
            {
                values.Add(slab[z, 0, c]);
                values.Add(slab[z, height - 1, c]);
            }

            for (var r = 1; r < height - 1; r++)
            {
                values.Add(slab[z, r, 0]);
                values.Add(slab[z, r, width - 1]);
            }
        }

        return values;
    }
}
