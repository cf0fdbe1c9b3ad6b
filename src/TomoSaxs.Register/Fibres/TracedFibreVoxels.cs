using TomoSaxs.Calibrate.Stage;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Register.Fibres;

/// <summary>
/// Every traced voxel of the calibrated fibre volume grouped by fibre, read slab by slab: the voxel indices of each
/// fibre, the sum of its traced axes (as the tensor Σ n nᵀ, so that n and −n add up), and a lookup of any voxel's
/// fibre. Memory grows with the number of fibre voxels, not with the volume.
/// </summary>
public sealed class TracedFibreVoxels
{
    private readonly Dictionary<long, int> labels;
    private readonly (int Depth, int Height, int Width) shape;

    private TracedFibreVoxels(Dictionary<long, int> labels, Dictionary<int, List<(int Z, int Y, int X)>> voxels, Dictionary<int, double[]> axisTensors, (int, int, int) shape)
    {
        this.labels = labels;
        this.shape = shape;
        Voxels = voxels.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<(int Z, int Y, int X)>)entry.Value);
        AxisTensors = axisTensors;
        FibreIds = [.. voxels.Keys.Order()];
    }

    /// <summary>The fibre ids, ascending.</summary>
    public IReadOnlyList<int> FibreIds { get; }

    /// <summary>Per fibre its voxels (slice, row, column), in reading order.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<(int Z, int Y, int X)>> Voxels { get; }

    /// <summary>Per fibre Σ n nᵀ of its traced axes n = (X, Y, Z) in the calibrated frame, row-major 3 × 3.</summary>
    public IReadOnlyDictionary<int, double[]> AxisTensors { get; }

    /// <summary>The fibre at voxel (z, y, x): 0 for no fibre, −1 outside the volume (unknown).</summary>
    public int LabelAt(int z, int y, int x) =>
        z < 0 || y < 0 || x < 0 || z >= shape.Depth || y >= shape.Height || x >= shape.Width ? -1
        : labels.GetValueOrDefault(((long)z * shape.Height + y) * shape.Width + x);

    /// <summary>Reads the fibre voxels of the calibrated volumes, slab by slab.</summary>
    /// <param name="ids">Fibre id per voxel (0 = none).</param>
    /// <param name="theta">Traced α per voxel, whole degrees from the vertical.</param>
    /// <param name="phi">Traced β per voxel, whole degrees from the row axis towards the column axis.</param>
    /// <param name="slabDepth">Slices read at once; null = Calibrate's slab budget (at most 2²³ voxels).</param>
    public static TracedFibreVoxels Read(ISlabReader<int> ids, ISlabReader<byte> theta, ISlabReader<byte> phi, int? slabDepth = null)
    {
        var depthPerSlab = slabDepth ?? CalibrateOptions.SlabDepthFor(ids.Shape);
        var (depth, height, width) = (ids.Shape.Depth, ids.Shape.Height, ids.Shape.Width);
        var labels = new Dictionary<long, int>();
        var voxels = new Dictionary<int, List<(int Z, int Y, int X)>>();
        var tensors = new Dictionary<int, double[]>();
        for (var start = 0; start < depth; start += depthPerSlab)
        {
            var end = Math.Min(depth, start + depthPerSlab);
            var idSlab = ids.ReadSlab(start, end);
            var thetaSlab = theta.ReadSlab(start, end);
            var phiSlab = phi.ReadSlab(start, end);
            for (var k = 0; k < end - start; k++)
            {
                for (var y = 0; y < height; y++)
                {
                    for (var x = 0; x < width; x++)
                    {
                        var id = idSlab[k, y, x];
                        if (id == 0)
                        {
                            continue;
                        }

                        var z = start + k;
                        labels[((long)z * height + y) * width + x] = id;
                        if (!voxels.TryGetValue(id, out var list))
                        {
                            voxels[id] = list = [];
                            tensors[id] = new double[9];
                        }

                        list.Add((z, y, x));
                        AddAxis(tensors[id], thetaSlab[k, y, x], phiSlab[k, y, x]);
                    }
                }
            }
        }

        return new TracedFibreVoxels(labels, voxels, tensors, (depth, height, width));
    }

    /// <summary>The traced axis n = (sin α sin β, sin α cos β, −cos α) in (X, Y, Z): α from the vertical (up = −Z),
    /// β from the row axis towards the column axis.</summary>
    public static (double X, double Y, double Z) TracedAxis(double alphaDeg, double betaDeg)
    {
        var (sa, ca) = Math.SinCos(alphaDeg * Math.PI / 180);
        var (sb, cb) = Math.SinCos(betaDeg * Math.PI / 180);
        return (sa * sb, sa * cb, -ca);
    }

    private static void AddAxis(double[] tensor, byte alphaDeg, byte betaDeg)
    {
        var (x, y, z) = TracedAxis(alphaDeg, betaDeg);
        double[] n = [x, y, z];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                tensor[i * 3 + j] += n[i] * n[j];
            }
        }
    }
}
