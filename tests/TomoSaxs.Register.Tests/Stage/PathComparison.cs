using TomoSaxs.Register.Gridding;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>One fibre in one beam path as the pipeline registered it, summed over the along-beam voxels.</summary>
/// <param name="FibreId">The fibre.</param>
/// <param name="Weight">Σ beam weight over the path, fibre voxels.</param>
/// <param name="AlphaDeg">Weight-averaged α, degrees.</param>
/// <param name="BetaDeg">Weight-averaged lab β, degrees.</param>
public readonly record struct PathFibre(int FibreId, double Weight, double AlphaDeg, double BetaDeg);

/// <summary>Helpers comparing registered crossings with truth.</summary>
public static class PathComparison
{
    /// <summary>The registered fibres per path of one [angle, slice], summed over along-beam voxels (angles of the
    /// heaviest entry's side, weight-averaged as axes).</summary>
    public static Dictionary<int, Dictionary<int, PathFibre>> ByPath(IReadOnlyList<FibreCrossing> crossings)
    {
        var result = new Dictionary<int, Dictionary<int, PathFibre>>();
        foreach (var group in crossings.GroupBy(c => (c.Path, c.FibreId)))
        {
            var (sx, sy, sz) = (0.0, 0.0, 0.0);
            (double X, double Y, double Z)? reference = null;
            foreach (var c in group)
            {
                var n = Axis(c.AlphaDeg, c.BetaDeg);
                reference ??= n;
                var sign = Dot(n, reference.Value) < 0 ? -1 : 1;
                (sx, sy, sz) = (sx + sign * c.BeamWeight * n.X, sy + sign * c.BeamWeight * n.Y, sz + sign * c.BeamWeight * n.Z);
            }

            var length = Math.Sqrt(sx * sx + sy * sy + sz * sz);
            var alpha = Math.Acos(Math.Clamp(sy / length, -1, 1)) * 180 / Math.PI;
            var beta = Math.Atan2(sx, sz) * 180 / Math.PI;
            if (!result.TryGetValue(group.Key.Path, out var path))
            {
                result[group.Key.Path] = path = [];
            }

            path[group.Key.FibreId] = new PathFibre(group.Key.FibreId, group.Sum(c => c.BeamWeight), alpha, beta < 0 ? beta + 360 : beta);
        }

        return result;
    }

    /// <summary>The errors of (α, β) against truth comparing axes: (α, β) and (180° − α, β + 180°) are the same
    /// axis; returns |Δα| and |Δβ| (wrapped to ±180°) of the closer representative, degrees.</summary>
    public static (double Alpha, double Beta) AxisError(double alpha, double beta, double trueAlpha, double trueBeta)
    {
        static double Wrap(double d) => Math.Abs(((d % 360) + 540) % 360 - 180);
        var direct = (Math.Abs(alpha - trueAlpha), Wrap(beta - trueBeta));
        var flipped = (Math.Abs(180 - alpha - trueAlpha), Wrap(beta + 180 - trueBeta));
        return direct.Item1 + direct.Item2 <= flipped.Item1 + flipped.Item2 ? direct : flipped;
    }

    private static (double X, double Y, double Z) Axis(double alphaDeg, double betaDeg)
    {
        var (sa, ca) = Math.SinCos(alphaDeg * Math.PI / 180);
        var (sb, cb) = Math.SinCos(betaDeg * Math.PI / 180);
        return (sa * sb, ca, sa * cb);
    }

    private static double Dot((double X, double Y, double Z) a, (double X, double Y, double Z) b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;
}
