namespace TomoSaxs.Register.Vertical;

/// <summary>
/// The part of the calibrated CT that one SAXS slice's beam passes through (registration note §5.2): the beam's
/// height range in the CT frame and the fibre-voxel slices whose centres lie in it.
/// </summary>
/// <param name="Slice">The SAXS slice (raster row).</param>
/// <param name="YUm">Its motor y, µm.</param>
/// <param name="CtZStartUm">Top of the beam in the calibrated CT frame, µm from its top corner.</param>
/// <param name="CtZEndUm">Bottom of the beam, µm (CtZStartUm + beam height).</param>
/// <param name="FibreZStart">First fibre-voxel slice whose centre lies in the beam.</param>
/// <param name="FibreZEnd">One past the last such slice (equal to FibreZStart when the beam misses the fibre volume).</param>
public sealed record SliceSlab(int Slice, double YUm, double CtZStartUm, double CtZEndUm, int FibreZStart, int FibreZEnd)
{
    /// <summary>Fibre-voxel slices in the slab.</summary>
    public int FibreDepth => FibreZEnd - FibreZStart;
}

/// <summary>Maps SAXS slices to CT slabs with a <see cref="VerticalMatch"/>.</summary>
public static class SliceSlabs
{
    /// <summary>One slab per SAXS slice.</summary>
    /// <param name="sliceYUm">Motor y of each SAXS slice, µm.</param>
    /// <param name="match">The vertical registration (estimated or pinned).</param>
    /// <param name="beamHeightUm">The beam's height, µm; null takes the slice step (the reference's choice).</param>
    /// <param name="fibreVoxelUm">The calibrated fibre volume's voxel, µm.</param>
    /// <param name="fibreDepth">Its number of slices.</param>
    /// <param name="fibreZResidualUm">Where fibre voxel 0's corner truly lies in z, µm (the placement residual).</param>
    /// <exception cref="ArgumentException">Fewer than two slices without a beam height, or a non-positive size.</exception>
    public static IReadOnlyList<SliceSlab> Compute(
        IReadOnlyList<double> sliceYUm, VerticalMatch match, double? beamHeightUm, double fibreVoxelUm, int fibreDepth, double fibreZResidualUm = 0)
    {
        if (!(fibreVoxelUm > 0))
        {
            throw new ArgumentException($"The fibre voxel must be positive (got {fibreVoxelUm} µm).");
        }

        var height = beamHeightUm ?? (sliceYUm.Count >= 2
            ? Math.Abs(sliceYUm[^1] - sliceYUm[0]) / (sliceYUm.Count - 1)
            : throw new ArgumentException("The beam height must be given when the scan has a single slice."));
        if (!(height > 0))
        {
            throw new ArgumentException($"The beam height must be positive (got {height} µm).");
        }

        int FirstCentreAtOrAfter(double um) =>
            Math.Clamp((int)Math.Ceiling((um - fibreZResidualUm) / fibreVoxelUm - 0.5), 0, fibreDepth);
        return [.. sliceYUm.Select((y, j) =>
        {
            var centre = match.CtZUm(y);
            var (start, end) = (centre - height / 2, centre + height / 2);
            return new SliceSlab(j, y, start, end, FirstCentreAtOrAfter(start), Math.Max(FirstCentreAtOrAfter(start), FirstCentreAtOrAfter(end)));
        })];
    }
}
