using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Scan;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>The kernels' settings from the <c>calibrate:</c> parameters and the tube geometry.</summary>
public static class CalibrateOptions
{
    /// <summary>Slices read or written per slab by every streamed step, at most (see <see cref="SlabDepthFor"/>).</summary>
    public const int SlabDepth = 16;

    /// <summary>Voxels per slab at most (32 MB of float): wide slices get fewer slices per slab.</summary>
    public const long SlabVoxels = 1L << 23;

    /// <summary>Slices per slab for a volume of <paramref name="shape"/>: <see cref="SlabDepth"/>, or fewer (at least
    /// one) so a slab holds no more than <see cref="SlabVoxels"/>. Every streamed step gives the same result whatever
    /// the slab depth; a 1500 × 1500 slice gets 3 slices per slab (a 16-slice slab of it is 144 MB of float, plus
    /// its 72 MB of 16-bit TIFF pixels).</summary>
    public static int SlabDepthFor(VolumeShape shape) =>
        (int)Math.Clamp(SlabVoxels / Math.Max(1, shape.SliceVoxels), 1, SlabDepth);

    /// <summary>The high-res offset search settings; slabs sized for the wider of the two volumes' slices.</summary>
    public static HighResOffsetOptions Offset(CalibrateParameters parameters, VolumeShape widest) => new()
    {
        CoarseBinning = parameters.OffsetCoarseBinning,
        RefineBlock = parameters.OffsetRefineBlock,
        MinimumNcc = parameters.OffsetMinimumNcc,
        SlabDepth = SlabDepthFor(widest),
    };

    /// <summary>The pinned high-res offset in common voxels, or null for auto.</summary>
    public static Offset3? PinnedOffset(CalibrateParameters parameters, double commonVoxelUm) =>
        parameters.HighResOffsetUm is { } um ? new Offset3(um.Z / commonVoxelUm, um.Y / commonVoxelUm, um.X / commonVoxelUm) : null;

    /// <summary>The pinned tube circle (common-voxel pixels), or null for auto.</summary>
    public static TubeCircle? PinnedTube(CalibrateParameters parameters) =>
        parameters.TubeCircle is { } c ? TubeCircle.Pinned(c.Row, c.Col, c.Radius) : null;

    /// <summary>The sample-mask settings; the wall is <c>geometry.tube_wall_um</c> on the common voxel.</summary>
    public static SampleMaskOptions Mask(CalibrateParameters parameters, ScanGeometry geometry, double commonVoxelUm) => new()
    {
        WallPx = geometry.TubeWallUm / commonVoxelUm,
        MarginPx = parameters.MaskMarginPx,
        SampleBrighter = parameters.MaskSampleBrighter,
        PinnedThreshold = parameters.MaskThreshold.NumberOrNull,
        MinSeparability = parameters.MaskMinSeparability,
    };
}
