using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats.Xlsx;

namespace TomoSaxs.Calibrate.Fibres;

/// <summary>
/// Where the traced (cropped) fibre volume sits in the high-res CT field of view. Fibre tracing crops the CT
/// and works at a coarser voxel (fibre voxel = CT voxel × scale, e.g. 1.625 µm × 5 = 8.125 µm); this record
/// holds the traced volume's first corner in the high-res frame in µm, which is all the placement needs.
/// </summary>
/// <param name="FibreVoxelUm">The fibre-tracing voxel edge, µm.</param>
/// <param name="Traced">The traced volume's shape, fibre voxels.</param>
/// <param name="OriginUm">The traced volume's first corner in the high-res CT frame, µm (z, y, x).</param>
/// <param name="StartPads">The pads (fibre voxels) that restore the high-res field of view before the traced volume.</param>
/// <param name="EndPads">The pads after it.</param>
public sealed record FibreFrame(double FibreVoxelUm, VolumeShape Traced, (double Z, double Y, double X) OriginUm, VoxelPads StartPads, VoxelPads EndPads)
{
    /// <summary>The traced volume padded back to the high-res field of view (start + traced + end), fibre voxels.</summary>
    public VolumeShape PaddedShape => new(
        StartPads.Z + Traced.Depth + EndPads.Z, StartPads.Y + Traced.Height + EndPads.Y, StartPads.X + Traced.Width + EndPads.X);

    /// <summary>
    /// The frame from a <c>vox_padding.xlsx</c> row (registration note §2.2, §3 A1): the applied start pads
    /// (<see cref="VoxelPadding.StartPads"/>, i.e. sheet value − 1) put the traced volume's corner at
    /// start·fibre voxel from the field-of-view corner.
    /// </summary>
    /// <exception cref="ArgumentException">The fibre voxel is not positive or the traced volume is empty.</exception>
    public static FibreFrame FromPadding(VoxelPadding padding, VolumeShape traced, double fibreVoxelUm)
    {
        Check(traced, fibreVoxelUm);
        var start = padding.StartPads;
        return new FibreFrame(fibreVoxelUm, traced, (start.Z * fibreVoxelUm, start.Y * fibreVoxelUm, start.X * fibreVoxelUm), start, padding.EndPads);
    }

    /// <summary>
    /// The frame from the fibre volume's origin and the CT field of view as the tracing software records them
    /// (registration note §9), in original CT voxels per axis: the exact origin is kept, and the pads are
    /// start = ⌈origin/scale⌉, end = ⌊(N − origin − extent)/scale⌋ with extent = traced voxels × scale.
    /// </summary>
    /// <param name="originCtVoxels">The traced volume's first corner, original CT voxels (z, y, x).</param>
    /// <param name="fieldOfView">The original CT volume's shape, CT voxels.</param>
    /// <param name="traced">The traced volume's shape, fibre voxels.</param>
    /// <param name="ctVoxelUm">The original CT voxel edge, µm.</param>
    /// <param name="scale">Fibre voxel over CT voxel (5 in the reference).</param>
    /// <exception cref="ArgumentException">A size is not positive, or the traced volume does not fit the field of view.</exception>
    public static FibreFrame FromOriginExtent((double Z, double Y, double X) originCtVoxels, VolumeShape fieldOfView, VolumeShape traced, double ctVoxelUm, double scale)
    {
        if (!(scale > 0) || !(ctVoxelUm > 0))
        {
            throw new ArgumentException($"The CT voxel ({ctVoxelUm} µm) and the fibre-tracing scale ({scale}) must be positive.");
        }

        Check(traced, ctVoxelUm * scale);
        int Start(double origin) => (int)Math.Ceiling(origin / scale - 1e-9);
        int End(double origin, int n, int tracedCount, string axis)
        {
            var remaining = n - origin - tracedCount * scale;
            if (origin < 0 || remaining < -scale)
            {
                throw new ArgumentException(
                    $"The traced volume ({tracedCount} fibre voxels × {scale} from CT voxel {origin} along {axis}) does not fit the CT field of view of {n} voxels.");
            }

            return Math.Max(0, (int)Math.Floor(remaining / scale + 1e-9));
        }

        var start = new VoxelPads(Start(originCtVoxels.X), Start(originCtVoxels.Y), Start(originCtVoxels.Z));
        var end = new VoxelPads(
            End(originCtVoxels.X, fieldOfView.Width, traced.Width, "x"),
            End(originCtVoxels.Y, fieldOfView.Height, traced.Height, "y"),
            End(originCtVoxels.Z, fieldOfView.Depth, traced.Depth, "z"));
        return new FibreFrame(ctVoxelUm * scale, traced,
            (originCtVoxels.Z * ctVoxelUm, originCtVoxels.Y * ctVoxelUm, originCtVoxels.X * ctVoxelUm), start, end);
    }

    private static void Check(VolumeShape traced, double fibreVoxelUm)
    {
        traced.RequireNonEmpty("The traced fibre volume");
        if (!(fibreVoxelUm > 0) || !double.IsFinite(fibreVoxelUm))
        {
            throw new ArgumentException($"The fibre voxel must be positive (got {fibreVoxelUm} µm).");
        }
    }
}
