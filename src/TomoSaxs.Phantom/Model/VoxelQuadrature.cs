namespace TomoSaxs.Phantom;

/// <summary>
/// Midpoint-rule sample points inside one CT voxel for its partial-volume mean: <see cref="Subdivisions"/> per
/// lateral axis, and <see cref="Subdivisions"/> heights per piece of the voxel's height range after splitting it at
/// the heights where the phantom's cross-section jumps (the endplates and the vertebrae's outer faces). The split
/// makes a horizontal interface's share exact; without it the midpoint rule would move the endplate by up to
/// 1/(2·<see cref="Subdivisions"/>) voxel, a bias the CT registration sees directly.
/// </summary>
internal static class VoxelQuadrature
{
    /// <summary>Sample points per lateral axis, and per piece of the height range.</summary>
    public const int Subdivisions = 4;

    /// <summary>Offsets of the lateral sample points from the voxel centre, µm (symmetric, spacing voxel / <see cref="Subdivisions"/>).</summary>
    public static double[] LateralOffsets(double voxelUm)
    {
        var offsets = new double[Subdivisions];
        for (var i = 0; i < Subdivisions; i++)
        {
            offsets[i] = ((i + 0.5) / Subdivisions - 0.5) * voxelUm;
        }

        return offsets;
    }

    /// <summary>
    /// Sample heights (µm) and their weights (fractions of the voxel's height; they sum to 1) for the voxel of
    /// height <paramref name="voxelUm"/> centred at <paramref name="centreHeight"/>, with the range split at every
    /// height of <paramref name="breaks"/> strictly inside it.
    /// </summary>
    public static (double Height, double Weight)[] Heights(double centreHeight, double voxelUm, IReadOnlyList<double> breaks)
    {
        var (bottom, top) = (centreHeight - voxelUm / 2, centreHeight + voxelUm / 2);
        var edges = new List<double> { bottom };
        edges.AddRange(breaks.Where(b => b > bottom && b < top).Order());
        edges.Add(top);
        var nodes = new List<(double, double)>();
        for (var p = 0; p + 1 < edges.Count; p++)
        {
            var length = edges[p + 1] - edges[p];
            for (var i = 0; i < Subdivisions; i++)
            {
                nodes.Add((edges[p] + (i + 0.5) / Subdivisions * length, length / Subdivisions / voxelUm));
            }
        }

        return [.. nodes];
    }
}
