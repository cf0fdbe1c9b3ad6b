using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Scan;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>The kernels' settings from the <c>calibrate:</c> parameters and the tube geometry.</summary>
public static class CalibrateOptions
{
    /// <summary>Slices read or written per slab by every streamed step.</summary>
    public const int SlabDepth = 16;

    /// <summary>The high-res offset search settings.</summary>
    public static HighResOffsetOptions Offset(CalibrateParameters parameters) => new()
    {
        CoarseBinning = parameters.OffsetCoarseBinning,
        RefineBlock = parameters.OffsetRefineBlock,
        MinimumNcc = parameters.OffsetMinimumNcc,
        SlabDepth = SlabDepth,
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
