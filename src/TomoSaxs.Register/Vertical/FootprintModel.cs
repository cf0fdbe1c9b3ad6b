using TomoSaxs.Numerics;

namespace TomoSaxs.Register.Vertical;

/// <summary>
/// The WAXS map and the CT map set up for comparison: for an offset (Oy, Ox) in µm, each WAXS pixel's beam
/// footprint is mapped into CT map pixels and the CT map is averaged over it; the NCC runs over the WAXS pixels
/// whose footprint lies wholly on the CT map. The footprint is a box (by default one step in y and x around the
/// motor position) or, with a beam of standard deviation σ &gt; 0, the beam's round Gaussian profile: the CT map is
/// blurred by the Gaussian once (σ² less the box's own variance v²/12, so box and blur together are the beam; near
/// the map's edges over the part on the map) and averaged over one CT voxel.
/// </summary>
internal sealed class FootprintModel
{
    private readonly MapBoxAverager ct;
    private readonly double voxel;
    private readonly double[,] waxs;
    private readonly IReadOnlyList<double> y;
    private readonly IReadOnlyList<double> x;
    private readonly int sense;
    private readonly double halfY;
    private readonly double halfX;

    public FootprintModel(
        double[,] ctMap, double ctVoxelUm, double[,] waxsMap, IReadOnlyList<double> waxsYUm, IReadOnlyList<double> waxsXUm, int sense,
        double? footprintYUm = null, double? footprintXUm = null, double beamSigmaUm = 0)
    {
        if (footprintYUm is <= 0 || footprintXUm is <= 0)
        {
            throw new ArgumentException($"The WAXS footprint must be positive (got {footprintYUm} × {footprintXUm} µm).");
        }

        if (!(beamSigmaUm >= 0))
        {
            throw new ArgumentException($"The WAXS beam's σ must be 0 (a box footprint) or positive (got {beamSigmaUm} µm).");
        }

        if (ctMap.GetLength(0) < 2 || ctMap.GetLength(1) < 2)
        {
            throw new ArgumentException($"The CT map must be at least 2 × 2 pixels (it is {ctMap.GetLength(0)} × {ctMap.GetLength(1)}).");
        }

        if (!(ctVoxelUm > 0))
        {
            throw new ArgumentException($"The CT map pixel size must be positive (got {ctVoxelUm} µm).");
        }

        if (sense is not (1 or -1))
        {
            throw new ArgumentException($"The vertical sense must be +1 or −1 (got {sense}).");
        }

        if (waxsMap.GetLength(0) != waxsYUm.Count || waxsMap.GetLength(1) != waxsXUm.Count)
        {
            throw new ArgumentException(
                $"The WAXS map is {waxsMap.GetLength(0)} slices × {waxsMap.GetLength(1)} positions but {waxsYUm.Count} y and {waxsXUm.Count} x positions were given.");
        }

        StepY = Step(waxsYUm, "y");
        StepX = Step(waxsXUm, "x");
        voxel = ctVoxelUm;
        waxs = waxsMap;
        y = waxsYUm;
        x = waxsXUm;
        this.sense = sense;
        if (beamSigmaUm > 0)
        {
            var blurPx = Math.Sqrt(Math.Max(0, beamSigmaUm * beamSigmaUm - ctVoxelUm * ctVoxelUm / 12)) / ctVoxelUm;
            ct = new MapBoxAverager(NormalisedBlur(ctMap, blurPx));
            // A WAXS pixel counts wherever its centre voxel is on the map, as with a pencil: requiring its ±3σ on the
            // map cut a 2 mm CT's usable height so much that a wrong height matched better (the tiny test scan).
            (halfY, halfX) = (ctVoxelUm / 2, ctVoxelUm / 2);
        }
        else
        {
            ct = new MapBoxAverager(ctMap);
            (halfY, halfX) = ((footprintYUm ?? StepY) / 2, (footprintXUm ?? StepX) / 2);
        }
    }

    /// <summary>The WAXS slice step, µm (positive).</summary>
    public double StepY { get; }

    /// <summary>The WAXS position step, µm (positive).</summary>
    public double StepX { get; }

    /// <summary>Vertical offsets for which some WAXS row lies on the CT map.</summary>
    public (double Min, double Max) VerticalRange()
    {
        var height = ct.Rows * voxel;
        return (y.Min() - height, y.Max() + height);
    }

    /// <summary>Lateral offsets for which some WAXS column lies on the CT map.</summary>
    public (double Min, double Max) LateralRange() => (x.Min() - ct.Cols * voxel, x.Max());

    /// <summary>The WAXS map, [slice, position].</summary>
    public double[,] Waxs => waxs;

    /// <summary>The CT map averaged over WAXS pixel (j, p)'s footprint at offset (oy, ox) µm; false when the
    /// footprint leaves the CT map or the WAXS value is not finite.</summary>
    public bool TryPredict(int j, int p, double oy, double ox, out double predicted)
    {
        predicted = double.NaN;
        var z0 = sense * (y[j] - halfY - oy) / voxel;
        var z1 = sense * (y[j] + halfY - oy) / voxel;
        if (z0 > z1)
        {
            (z0, z1) = (z1, z0);
        }

        var c0 = (x[p] - halfX - ox) / voxel;
        var c1 = (x[p] + halfX - ox) / voxel;
        if (z0 < 0 || z1 > ct.Rows || c0 < 0 || c1 > ct.Cols || !double.IsFinite(waxs[j, p]))
        {
            return false;
        }

        predicted = ct.Mean(z0, z1, c0, c1);
        return true;
    }

    /// <summary>The signed NCC at offset (oy, ox) µm and the number of WAXS pixels it used.</summary>
    public (double Ncc, int Valid) Ncc(double oy, double ox)
    {
        double sw = 0, sc = 0, sww = 0, scc = 0, swc = 0;
        var n = 0;
        for (var j = 0; j < y.Count; j++)
        {
            for (var p = 0; p < x.Count; p++)
            {
                if (!TryPredict(j, p, oy, ox, out var c))
                {
                    continue;
                }

                var w = waxs[j, p];
                sw += w;
                sc += c;
                sww += w * w;
                scc += c * c;
                swc += w * c;
                n++;
            }
        }

        if (n < 3)
        {
            return (double.NaN, n);
        }

        var vw = sww - sw * sw / n;
        var vc = scc - sc * sc / n;
        return vw > 0 && vc > 0 ? ((swc - sw * sc / n) / Math.Sqrt(vw * vc), n) : (double.NaN, n);
    }

    /// <summary>The map blurred over its own pixels only: near an edge the Gaussian's weight outside the map is left
    /// out and the rest renormalised (normalised convolution), so a footprint partly off the map averages what is on it.</summary>
    private static double[,] NormalisedBlur(double[,] map, double sigmaPx)
    {
        var (h, w) = (map.GetLength(0), map.GetLength(1));
        var ones = new double[h, w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                ones[r, c] = 1;
            }
        }

        var (blurred, weight) = (GaussianBlur.Separable(map, sigmaPx), GaussianBlur.Separable(ones, sigmaPx));
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                blurred[r, c] /= weight[r, c];
            }
        }

        return blurred;
    }

    private static double Step(IReadOnlyList<double> positions, string axis)
    {
        if (positions.Count < 2)
        {
            throw new ArgumentException($"The WAXS map needs at least two {axis} positions to have a step.");
        }

        var step = (positions[^1] - positions[0]) / (positions.Count - 1);
        for (var i = 1; i < positions.Count; i++)
        {
            if (Math.Abs(positions[i] - positions[i - 1] - step) > 0.05 * Math.Abs(step))
            {
                throw new ArgumentException(
                    $"The WAXS {axis} positions are not evenly spaced: step {positions[i] - positions[i - 1]:G4} µm at index {i}, mean {step:G4} µm.");
            }
        }

        return step != 0 ? Math.Abs(step) : throw new ArgumentException($"The WAXS {axis} positions do not move (step 0).");
    }
}
