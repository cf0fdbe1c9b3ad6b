using TomoSaxs.Calibrate.Tube;

namespace TomoSaxs.Register.Stage;

/// <summary>
/// The Kapton tube's axis in the calibrated CT frame as a function of height: the fitted circle centres of the
/// CT slabs, interpolated linearly between the slabs' mid-heights (held constant beyond the first and last), so
/// a tilted tube is followed slice by slice (registration note §10.14).
/// </summary>
public sealed class CtTubeAxis
{
    private readonly (double Z, double Row, double Col)[] nodes;

    /// <summary>The axis through the slabs' circles.</summary>
    /// <param name="slabs">Tube circles per CT slab (common-voxel pixels; slices [ZStart, ZEnd)).</param>
    /// <exception cref="ArgumentException">No slab.</exception>
    public CtTubeAxis(IReadOnlyList<TubeSlab> slabs)
    {
        if (slabs.Count == 0)
        {
            throw new ArgumentException("The calibration holds no tube circle.");
        }

        nodes = [.. slabs.OrderBy(s => s.ZStart + s.ZEnd).Select(s => (0.5 * (s.ZStart + s.ZEnd), s.Circle.CentreRow, s.Circle.CentreCol))];
    }

    /// <summary>The centre (row, col of pixel centres) at CT height <paramref name="zPx"/> (slice coordinate whose
    /// whole numbers are slice edges).</summary>
    public (double Row, double Col) CentrePx(double zPx)
    {
        if (zPx <= nodes[0].Z || nodes.Length == 1)
        {
            return (nodes[0].Row, nodes[0].Col);
        }

        for (var k = 1; k < nodes.Length; k++)
        {
            if (zPx <= nodes[k].Z)
            {
                var t = (zPx - nodes[k - 1].Z) / (nodes[k].Z - nodes[k - 1].Z);
                return (nodes[k - 1].Row + t * (nodes[k].Row - nodes[k - 1].Row), nodes[k - 1].Col + t * (nodes[k].Col - nodes[k - 1].Col));
            }
        }

        return (nodes[^1].Row, nodes[^1].Col);
    }

    /// <summary>The centre in µm of the calibrated frame (Y along rows, X along columns) at height
    /// <paramref name="zUm"/> µm below the CT's top edge, for CT voxel <paramref name="voxelUm"/>.</summary>
    public (double Y, double X) CentreUm(double zUm, double voxelUm)
    {
        var (row, col) = CentrePx(zUm / voxelUm);
        return ((row + 0.5) * voxelUm, (col + 0.5) * voxelUm);
    }
}
