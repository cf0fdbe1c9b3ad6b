namespace TomoSaxs.Calibrate.Offset;

/// <summary>Settings of <see cref="HighResOffset.Estimate"/>.</summary>
public sealed record HighResOffsetOptions
{
    /// <summary>Both volumes are area-averaged by this factor for the coarse phase correlation, so a full-size
    /// scan's FFT fits in memory (1 = no binning). The coarse offset is then good to about this many voxels.</summary>
    public int CoarseBinning { get; init; } = 4;

    /// <summary>The coarse search: FFT NCC (default) or phase correlation.</summary>
    public CoarseMethod Coarse { get; init; } = CoarseMethod.NormalisedCrossCorrelation;

    /// <summary>Edge of the central high-res block (common voxels) whose NCC refines the offset; the whole
    /// high-res volume when it is smaller.</summary>
    public int RefineBlock { get; init; } = 96;

    /// <summary>Whether the quadratic sub-voxel peak is refined by <see cref="ShiftedBlockRefinement"/> (the high-res
    /// block area-averaged onto the low-res grid at trial offsets). Default true.</summary>
    public bool SubVoxelModel { get; init; } = true;

    /// <summary>Most native high-res voxels the sub-voxel model reads (the central block is shrunk about its centre
    /// to fit): 2²³, 32 MB of float. The model holds about six times the block's size in work arrays (its partial
    /// averages, the prediction and its three derivatives), so this bounds its memory near 200 MB. 2²² was too small
    /// on bench-ct: its 161³ central voxels put the model's peak 0.52 voxel off (docs/calibrate.md).</summary>
    public double ModelNativeVoxels { get; init; } = 1 << 23;

    /// <summary>Slices read per slab while binning and cropping.</summary>
    public int SlabDepth { get; init; } = 16;

    /// <summary>An automatic offset whose refined NCC is below this is flagged as unreliable.</summary>
    public double MinimumNcc { get; init; } = 0.5;

    /// <summary>Relative tolerance when checking that both volumes are at the same voxel size.</summary>
    public double VoxelTolerance { get; init; } = 1e-6;
}
