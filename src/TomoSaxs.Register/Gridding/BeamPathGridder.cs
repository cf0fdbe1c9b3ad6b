using TomoSaxs.Register.Rotation;

namespace TomoSaxs.Register.Gridding;

/// <summary>
/// Assigns the fibre voxels of one slab to beam paths at one angle (registration note §11.5–11.6, replacing
/// rot_gridder/data_gridder/weight_gridder): each point is rotated by φ about the tube axis, placed on the raster
/// at X = x_c(θ) + X_lab where x_c(θ) is the tube centre found from the Kapton walls at that angle, counted in
/// its nearest path and along-beam voxel, and given Gaussian beam weight by every path within reach. Points
/// carry their fibreId, so every fibre keeps its identity at every angle.
/// </summary>
public static class BeamPathGridder
{
    /// <summary>The crossings of <paramref name="cloud"/> at the angle of <paramref name="frame"/>.</summary>
    /// <param name="cloud">The slab's fibre points, relative to the tube axis.</param>
    /// <param name="frame">The angle (θ, s, θ_map).</param>
    /// <param name="tubeCentreUm">x_c(θ): the tube axis's raster coordinate at this angle, motor µm (<c>TubeWalls.CentreUm</c>).</param>
    /// <param name="raster">The beam paths.</param>
    /// <param name="options">Settings; defaults when null.</param>
    public static SlabGrid Grid(FibrePointCloud cloud, AngleFrame frame, double tubeCentreUm, BeamRaster raster, GriddingOptions? options = null)
    {
        options ??= new GriddingOptions();
        raster.Validate();
        var sigma = raster.SigmaUm;
        var reach = (options.LegacyWindowSigmas ?? options.ReachSigmas) * sigma;
        var order = Enumerable.Range(0, raster.PositionsUm.Count).OrderBy(i => raster.PositionsUm[i]).ToArray();
        var sorted = order.Select(i => raster.PositionsUm[i]).ToArray();
        var halfStep = sorted.Length > 1 ? 0.5 * (sorted[^1] - sorted[0]) / (sorted.Length - 1) : raster.FwhmUm;
        var voxels = raster.AlongBeamVoxels;
        var entries = new Dictionary<(int Path, int K, int Fibre), Accumulator>();
        int outsideRaster = 0, outsideWindow = 0;
        for (var p = 0; p < cloud.Count; p++)
        {
            var (xLab, zLab) = frame.ToLab(cloud.U[p], cloud.W[p]);
            var x = tubeCentreUm + xLab;
            var rawK = (int)Math.Floor((zLab + raster.AlongBeamWindowUm / 2) / raster.AlongBeamStepUm);
            if (rawK < 0 || rawK >= voxels)
            {
                outsideWindow++;
            }

            var k = options.AlongBeamResolved ? Math.Clamp(rawK, 0, voxels - 1) : -1;
            var nearest = Nearest(sorted, x);
            var counted = Math.Abs(x - sorted[nearest]) <= halfStep;
            if (!counted)
            {
                outsideRaster++;
            }

            var n = Axis(cloud.AlphaDeg[p], cloud.BetaDeg[p]);
            // Walk outwards from the nearest path while within reach; both sides.
            for (var direction = -1; direction <= 1; direction += 2)
            {
                for (var i = direction < 0 ? nearest : nearest + 1; i >= 0 && i < sorted.Length; i += direction)
                {
                    var d = x - sorted[i];
                    if (Math.Abs(d) > reach)
                    {
                        break;
                    }

                    var weight = Math.Exp(-d * d / (2 * sigma * sigma));
                    var key = (order[i], k, cloud.FibreId[p]);
                    if (!entries.TryGetValue(key, out var accumulator))
                    {
                        accumulator = new Accumulator();
                        entries[key] = accumulator;
                    }

                    accumulator.Add(weight, counted && i == nearest, n);
                }
            }
        }

        var crossings = entries
            .Where(entry => entry.Value.Count > 0 || entry.Value.Weight >= options.MinBeamWeight)
            .OrderBy(entry => entry.Key.Path).ThenBy(entry => entry.Key.K).ThenBy(entry => entry.Key.Fibre)
            .Select(entry =>
            {
                var (alpha, beta) = entry.Value.MeanAngles();
                return new FibreCrossing(entry.Key.Path, entry.Key.K, entry.Key.Fibre, entry.Value.Count, entry.Value.Weight, alpha, frame.LabBetaDeg(beta));
            })
            .ToList();
        return new SlabGrid(crossings, outsideRaster, outsideWindow);
    }

    private static int Nearest(double[] sorted, double x)
    {
        var index = Array.BinarySearch(sorted, x);
        if (index >= 0)
        {
            return index;
        }

        var above = ~index;
        if (above == 0)
        {
            return 0;
        }

        if (above == sorted.Length)
        {
            return sorted.Length - 1;
        }

        return x - sorted[above - 1] <= sorted[above] - x ? above - 1 : above;
    }

    /// <summary>The fibre axis n = (sin α sin β, cos α, sin α cos β) in the sample frame.</summary>
    private static (double X, double Y, double Z) Axis(double alphaDeg, double betaDeg)
    {
        var (sa, ca) = Math.SinCos(alphaDeg * Math.PI / 180);
        var (sb, cb) = Math.SinCos(betaDeg * Math.PI / 180);
        return (sa * sb, ca, sa * cb);
    }

    /// <summary>Voxel count, beam weight and the weighted mean axis of one entry. Axes are lines (n ≡ −n), so each
    /// is turned to the side of the entry's first axis before adding.</summary>
    private sealed class Accumulator
    {
        private (double X, double Y, double Z)? reference;
        private double sx, sy, sz;

        public int Count { get; private set; }

        public double Weight { get; private set; }

        public void Add(double weight, bool counted, (double X, double Y, double Z) n)
        {
            reference ??= n;
            var sign = n.X * reference.Value.X + n.Y * reference.Value.Y + n.Z * reference.Value.Z < 0 ? -1 : 1;
            sx += sign * weight * n.X;
            sy += sign * weight * n.Y;
            sz += sign * weight * n.Z;
            Weight += weight;
            Count += counted ? 1 : 0;
        }

        /// <summary>α in [0°, 180°] and the sample-frame β in degrees of the mean axis.</summary>
        public (double Alpha, double Beta) MeanAngles()
        {
            var length = Math.Sqrt(sx * sx + sy * sy + sz * sz);
            if (!(length > 0))
            {
                return (double.NaN, double.NaN);
            }

            var alpha = Math.Acos(Math.Clamp(sy / length, -1, 1)) * 180 / Math.PI;
            var beta = Math.Atan2(sx, sz) * 180 / Math.PI;
            return (alpha, beta);
        }
    }
}
