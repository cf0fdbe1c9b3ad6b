using TomoSaxs.Formats;

namespace TomoSaxs.Register.Stage;

/// <summary>
/// Checks that every angle's raster is the same grid (the beam paths are indexed by frame, the same at every
/// angle): equal slice and position counts, and motor x and y within a tenth of a step of the first file's.
/// </summary>
public static class RasterConsistency
{
    /// <summary>The fraction of a step by which positions may differ between files.</summary>
    public const double ToleranceSteps = 0.1;

    /// <summary>Throws unless every raster matches the first.</summary>
    /// <exception cref="DataFileException">Names the first file that differs, the dataset and what was expected.</exception>
    public static void Check(IReadOnlyList<SaxsRaster> rasters)
    {
        if (rasters.Count == 0)
        {
            throw new ArgumentException("Register needs at least one tomoSAXS file.");
        }

        var first = rasters[0];
        if (first.Positions < 5)
        {
            throw new DataFileException(first.Source, "SAXS_sum/sum", $"has {first.Positions} positions per slice; at least 5 are needed to see the Kapton walls");
        }

        var stepX = Step(first.XUm);
        if (!(stepX > 0))
        {
            throw new DataFileException(first.Source, "SAXS_sum/base_x_value_set", "does not move: every position is at the same motor x");
        }

        var stepY = first.Slices > 1 ? Step(first.YUm) : stepX;
        foreach (var raster in rasters.Skip(1))
        {
            if (raster.Slices != first.Slices || raster.Positions != first.Positions)
            {
                throw new DataFileException(raster.Source, "SAXS_sum/sum",
                    $"is a {raster.Slices} × {raster.Positions} raster, but {first.Source} is {first.Slices} × {first.Positions} (slices × positions); every angle must use the same raster");
            }

            Compare(raster, raster.XUm, first.XUm, stepX, "SAXS_sum/base_x_value_set", first.Source);
            Compare(raster, raster.YUm, first.YUm, stepY, "SAXS_sum/base_y_value_set", first.Source);
        }
    }

    private static void Compare(SaxsRaster raster, IReadOnlyList<double> values, IReadOnlyList<double> reference, double step, string dataset, string referenceSource)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!(Math.Abs(values[i] - reference[i]) <= ToleranceSteps * step))
            {
                throw new DataFileException(raster.Source, dataset,
                    $"has {values[i]:G7} µm at index {i}, but {referenceSource} has {reference[i]:G7} µm there (tolerance {ToleranceSteps * step:G3} µm); every angle must use the same raster");
            }
        }
    }

    /// <summary>The mean absolute step, µm.</summary>
    public static double Step(IReadOnlyList<double> values) =>
        values.Count > 1 ? Math.Abs(values[^1] - values[0]) / (values.Count - 1) : double.NaN;
}
