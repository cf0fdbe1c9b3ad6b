using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Formats;
using TomoSaxs.Register.Horizontal;

namespace TomoSaxs.Register.Stage;

/// <summary>
/// The tube centre's motor x at one angle, per slice (registration note §11.4, and §10.14: the reference used
/// slice 0 for every slice). The Kapton walls are found in each slice's frame sums; then, by
/// <c>tube_centre_fit</c>: "line" fits centre = a + b·y over the slices whose walls were found (a straight,
/// possibly tilted tube, with the noise of single rows averaged), "per_slice" keeps each slice's centre, "pooled"
/// finds the walls once in the sum of all slices (a vertical tube). A pinned centre is used at every slice.
/// </summary>
public static class TubeCentreFit
{
    /// <summary>The walls found and the centre used, per slice.</summary>
    /// <param name="raster">The angle's frame sums and positions.</param>
    /// <param name="fit">"line", "per_slice" or "pooled".</param>
    /// <param name="options">Wall-finding settings (expected separation, peak fraction).</param>
    /// <param name="pinnedCentreUm">A pinned centre (µm) or null.</param>
    /// <param name="angleDeg">The angle, for messages.</param>
    /// <exception cref="DataFileException">The walls cannot be found (naming the file, dataset and slice).</exception>
    /// <param name="model">The Kapton profile model that refines each centre found from the wall peaks; null keeps
    /// the peaks' midpoint.</param>
    public static (TubeWalls[] Walls, double[] CentreUm) Run(
        SaxsRaster raster, string fit, KaptonWallOptions options, double? pinnedCentreUm, double angleDeg, KaptonProfileModel? model = null)
    {
        var step = RasterConsistency.Step(raster.XUm);
        TubeWalls Refined(TubeWalls walls, double[] profile) => model is null || walls.Source == EstimateSource.Pinned
            ? walls
            : walls with { CentreUm = model.FitCentre(profile, raster.XUm, walls.CentreUm, step, 2 * step) };
        double[] Pooled() => [.. Enumerable.Range(0, raster.Positions).Select(i => Enumerable.Range(0, raster.Slices).Sum(j => raster.FrameSums[j, i]))];
        var slices = raster.Slices;
        string What(int? slice) => slice is { } j ? $"{raster.Source} (angle {angleDeg}°, slice {j})" : $"{raster.Source} (angle {angleDeg}°, all slices)";
        if (pinnedCentreUm is { } pinned)
        {
            var walls = Enumerable.Range(0, slices)
                .Select(j => KaptonWalls.FindInRaster(raster.FrameSums, raster.XUm, options, [j], What(j), pinned)).ToArray();
            return (walls, [.. Enumerable.Repeat(pinned, slices)]);
        }

        if (fit == "pooled")
        {
            var pooled = Refined(Find(() => KaptonWalls.FindInRaster(raster.FrameSums, raster.XUm, options, null, What(null)), raster), Pooled());
            return ([.. Enumerable.Repeat(pooled, slices)], [.. Enumerable.Repeat(pooled.CentreUm, slices)]);
        }

        var found = new TubeWalls?[slices];
        var failures = new List<string>();
        for (var j = 0; j < slices; j++)
        {
            try
            {
                found[j] = Refined(KaptonWalls.Find(raster.Row(j), raster.XUm, options, What(j)), raster.Row(j));
            }
            catch (TubeNotFoundException problem)
            {
                failures.Add(problem.Message);
            }
        }

        if (fit == "per_slice" || slices == 1)
        {
            if (failures.Count > 0)
            {
                throw new DataFileException(raster.Source, "SAXS_sum/sum", $"shows no Kapton tube in every slice: {string.Join(" ", failures)}");
            }

            return ([.. found.Select(w => w!)], [.. found.Select(w => w!.CentreUm)]);
        }

        var usable = Enumerable.Range(0, slices).Where(j => found[j] is not null).ToArray();
        if (usable.Length < 2)
        {
            // Too few single rows: the summed rows still show a vertical tube's walls.
            var pooled = Refined(Find(() => KaptonWalls.FindInRaster(raster.FrameSums, raster.XUm, options, null, What(null)), raster), Pooled());
            return ([.. Enumerable.Range(0, slices).Select(j => found[j] ?? pooled)], [.. Enumerable.Repeat(pooled.CentreUm, slices)]);
        }

        var (a, b) = Line([.. usable.Select(j => raster.YUm[j])], [.. usable.Select(j => found[j]!.CentreUm)]);
        var none = new TubeWalls(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, EstimateSource.Automatic);
        return ([.. Enumerable.Range(0, slices).Select(j => found[j] ?? none)], [.. raster.YUm.Select(y => a + b * y)]);
    }

    private static TubeWalls Find(Func<TubeWalls> find, SaxsRaster raster)
    {
        try
        {
            return find();
        }
        catch (TubeNotFoundException problem)
        {
            throw new DataFileException(raster.Source, "SAXS_sum/sum", $"shows no Kapton tube: {problem.Message}");
        }
    }

    /// <summary>Least-squares line v = a + b·y.</summary>
    private static (double A, double B) Line(double[] y, double[] v)
    {
        var (my, mv) = (y.Average(), v.Average());
        var (syy, syv) = (0.0, 0.0);
        for (var i = 0; i < y.Length; i++)
        {
            syy += (y[i] - my) * (y[i] - my);
            syv += (y[i] - my) * (v[i] - mv);
        }

        var b = syy > 0 ? syv / syy : 0;
        return (mv - b * my, b);
    }
}
