using System.Numerics;

namespace TomoSaxs.Register.Rotation;

/// <summary>
/// The fibre voxels of one SAXS slice's slab as points (registration note §11.1): per traced voxel its
/// horizontal position relative to the tube axis (µm), its fibreId and its traced angles. Working with
/// points instead of rotated label images keeps every voxel and its fibreId at every angle (no objects lost,
/// no averaged ids, no rotation artefacts), and keeps voxels that overlap in projection.
/// </summary>
public sealed class FibrePointCloud
{
    private FibrePointCloud(double[] u, double[] w, int[] fibreId, double[] alphaDeg, double[] betaDeg, double voxelUm)
    {
        U = u;
        W = w;
        FibreId = fibreId;
        AlphaDeg = alphaDeg;
        BetaDeg = betaDeg;
        VoxelUm = voxelUm;
    }

    /// <summary>Along CT columns from the tube axis, µm.</summary>
    public IReadOnlyList<double> U { get; }

    /// <summary>Along CT rows from the tube axis, µm.</summary>
    public IReadOnlyList<double> W { get; }

    /// <summary>The traced fibre of each point (never 0).</summary>
    public IReadOnlyList<int> FibreId { get; }

    /// <summary>The traced polar angle α from the vertical axis, degrees.</summary>
    public IReadOnlyList<double> AlphaDeg { get; }

    /// <summary>The traced azimuth β in the sample frame (from +w towards +u), degrees.</summary>
    public IReadOnlyList<double> BetaDeg { get; }

    /// <summary>The fibre voxel edge, µm.</summary>
    public double VoxelUm { get; }

    /// <summary>The number of points (traced voxels).</summary>
    public int Count => FibreId.Count;

    /// <summary>
    /// The points of the calibrated fibre volumes' slices [zStart, zEnd): every voxel with a non-zero fibreId.
    /// </summary>
    /// <param name="fibreIds">The fibreId volume [z, row, col] (0 = no fibre).</param>
    /// <param name="alphaDeg">The α volume, degrees.</param>
    /// <param name="betaDeg">The β volume, degrees.</param>
    /// <param name="zStart">First slice of the slab (<c>SliceSlab.FibreZStart</c>).</param>
    /// <param name="zEnd">One past its last slice.</param>
    /// <param name="voxelUm">The fibre voxel edge, µm.</param>
    /// <param name="tubeCentreUm">The tube axis in the calibrated frame, µm (y along rows, x along columns).</param>
    /// <param name="residualUm">Where voxel (0, 0)'s corner truly lies, µm (<c>FibrePlacement.ResidualUm</c> y, x).</param>
    /// <exception cref="ArgumentException">The volumes differ in shape or the slab is outside them.</exception>
    public static FibrePointCloud FromVolumes<TId, TAngle>(
        TId[,,] fibreIds, TAngle[,,] alphaDeg, TAngle[,,] betaDeg, int zStart, int zEnd, double voxelUm,
        (double Y, double X) tubeCentreUm, (double Y, double X) residualUm = default)
        where TId : INumberBase<TId>
        where TAngle : INumberBase<TAngle>
    {
        int[] shape = [fibreIds.GetLength(0), fibreIds.GetLength(1), fibreIds.GetLength(2)];
        foreach (var (volume, name) in new[] { ((Array)alphaDeg, "α"), (betaDeg, "β") })
        {
            if (volume.GetLength(0) != shape[0] || volume.GetLength(1) != shape[1] || volume.GetLength(2) != shape[2])
            {
                throw new ArgumentException($"The {name} volume's shape differs from the fibreId volume's ({shape[0]} × {shape[1]} × {shape[2]}).");
            }
        }

        if (zStart < 0 || zEnd > shape[0] || zStart > zEnd)
        {
            throw new ArgumentException($"The slab [{zStart}, {zEnd}) is outside the fibre volume's {shape[0]} slices.");
        }

        if (!(voxelUm > 0))
        {
            throw new ArgumentException($"The fibre voxel must be positive (got {voxelUm} µm).");
        }

        var (u, w, ids, alpha, beta) = (new List<double>(), new List<double>(), new List<int>(), new List<double>(), new List<double>());
        for (var z = zStart; z < zEnd; z++)
        {
            for (var r = 0; r < shape[1]; r++)
            {
                for (var c = 0; c < shape[2]; c++)
                {
                    var id = int.CreateChecked(fibreIds[z, r, c]);
                    if (id == 0)
                    {
                        continue;
                    }

                    u.Add((c + 0.5) * voxelUm + residualUm.X - tubeCentreUm.X);
                    w.Add((r + 0.5) * voxelUm + residualUm.Y - tubeCentreUm.Y);
                    ids.Add(id);
                    alpha.Add(double.CreateChecked(alphaDeg[z, r, c]));
                    beta.Add(double.CreateChecked(betaDeg[z, r, c]));
                }
            }
        }

        return new FibrePointCloud([.. u], [.. w], [.. ids], [.. alpha], [.. beta], voxelUm);
    }

    /// <summary>Points given directly (µm from the tube axis; degrees), e.g. from another source of tracing.</summary>
    public static FibrePointCloud FromPoints(double[] u, double[] w, int[] fibreId, double[] alphaDeg, double[] betaDeg, double voxelUm)
    {
        if (new[] { w.Length, fibreId.Length, alphaDeg.Length, betaDeg.Length }.Any(n => n != u.Length))
        {
            throw new ArgumentException("Every point needs u, w, fibreId, α and β.");
        }

        if (fibreId.Contains(0))
        {
            throw new ArgumentException("fibreId 0 means no fibre; it cannot be a point.");
        }

        return new FibrePointCloud([.. u], [.. w], [.. fibreId], [.. alphaDeg], [.. betaDeg], voxelUm);
    }
}
