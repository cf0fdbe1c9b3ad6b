using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// Finds the high-res CT inside the low-res CT in 3-D (registration note §9, replacing the manual choice of a
/// slice pair and a thresholded landmark, and giving z as well as x, y). Coarse: FFT normalised
/// cross-correlation (or phase correlation) of both volumes binned by <see cref="HighResOffsetOptions.CoarseBinning"/>. Fine: NCC hill-climb and quadratic
/// sub-voxel refinement of a central high-res block against the low-res region around the coarse position, then
/// <see cref="ShiftedBlockRefinement"/>: the high-res block at its own voxel size area-averaged onto the low-res grid
/// at trial sub-voxel offsets, which removes the quadratic fit's bias near half a voxel.
/// Both volumes are read slab by slab; only the binned volumes and the refinement blocks are held.
/// </summary>
public static class HighResOffset
{
    /// <summary>Estimates the offset, or, when <paramref name="pinned"/> is given, takes it and only measures the
    /// NCC there so the stage can still report how well the data agree.</summary>
    /// <param name="lowRes">The low-res volume at the common voxel size.</param>
    /// <param name="lowResVoxelUm">Its voxel edge, µm.</param>
    /// <param name="highRes">The high-res volume at the common voxel size (smaller field of view).</param>
    /// <param name="highResVoxelUm">Its voxel edge, µm; must equal <paramref name="lowResVoxelUm"/>.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="pinned">A known offset (common voxels) that bypasses the estimate.</param>
    /// <param name="highResNative">The high-res scan at its own voxel size, for the sub-voxel model; null = use
    /// <paramref name="highRes"/> (the model is then a shifted area average of common voxels).</param>
    /// <param name="highResNativeVoxelUm">Its voxel edge, µm (ignored when <paramref name="highResNative"/> is null).</param>
    /// <exception cref="ArgumentException">The voxel sizes differ, a volume is empty, or the high-res volume is
    /// larger than the low-res one.</exception>
    public static HighResOffsetEstimate Estimate(
        ISlabReader<float> lowRes, double lowResVoxelUm, ISlabReader<float> highRes, double highResVoxelUm,
        HighResOffsetOptions? options = null, Offset3? pinned = null, ISlabReader<float>? highResNative = null, double highResNativeVoxelUm = double.NaN)
    {
        options ??= new HighResOffsetOptions();
        lowRes.Shape.RequireNonEmpty("The low-res CT");
        highRes.Shape.RequireNonEmpty("The high-res CT");
        if (Math.Abs(lowResVoxelUm - highResVoxelUm) > options.VoxelTolerance * Math.Max(lowResVoxelUm, highResVoxelUm))
        {
            throw new ArgumentException(
                $"The low-res CT is at {lowResVoxelUm} µm per voxel but the high-res CT at {highResVoxelUm} µm; " +
                "bring both to the common voxel size (AreaResampler) before locating one in the other.");
        }

        var (low, high) = (lowRes.Shape, highRes.Shape);
        if (high.Depth > low.Depth || high.Height > low.Height || high.Width > low.Width)
        {
            throw new ArgumentException($"The high-res CT ({high}) must fit inside the low-res CT ({low}) at the common voxel size.");
        }

        var block = CentralBlock(high, options.RefineBlock);
        var template = SubVolume.Read(highRes, block.Z0, block.Z0 + block.D, block.Y0, block.Y0 + block.H, block.X0, block.X0 + block.W, options.SlabDepth);
        if (pinned is { } fixedOffset)
        {
            var (z, y, x) = fixedOffset.Rounded();
            var region = SubVolume.Read(lowRes, block.Z0 + z, block.Z0 + z + block.D, block.Y0 + y, block.Y0 + y + block.H,
                block.X0 + x, block.X0 + x + block.W, options.SlabDepth);
            var ncc = region.GetLength(0) == block.D && region.GetLength(1) == block.H && region.GetLength(2) == block.W
                ? ZeroMeanNcc.Score(region, template, 0, 0, 0)
                : double.NaN;
            return new HighResOffsetEstimate(fixedOffset, lowResVoxelUm, ncc, double.NaN, EstimateSource.Pinned, options.MinimumNcc);
        }

        var binning = Math.Max(1, options.CoarseBinning);
        var (lowBinned, highBinned) = (Binned(lowRes, binning, options.SlabDepth), Binned(highRes, binning, options.SlabDepth));
        var coarse = options.Coarse == CoarseMethod.PhaseCorrelation
            ? PhaseCorrelation.Locate(lowBinned, highBinned)
            : FftNcc.Locate(lowBinned, highBinned);
        var coarseOffset = coarse.Offset.Times(binning);
        var margin = binning + 2;
        var (cz, cy, cx) = coarseOffset.Rounded();
        var rz0 = Math.Max(0, block.Z0 + cz - margin);
        var ry0 = Math.Max(0, block.Y0 + cy - margin);
        var rx0 = Math.Max(0, block.X0 + cx - margin);
        var lowRegion = SubVolume.Read(lowRes, rz0, block.Z0 + cz + block.D + margin, ry0, block.Y0 + cy + block.H + margin,
            rx0, block.X0 + cx + block.W + margin, options.SlabDepth);
        var start = new Offset3(block.Z0 + cz - rz0, block.Y0 + cy - ry0, block.X0 + cx - rx0);
        var (refined, nccAtPeak, _) = NccRefinement.Refine(lowRegion, template, start, maxSteps: 2 * margin);
        var offset = new Offset3(refined.Z + rz0 - block.Z0, refined.Y + ry0 - block.Y0, refined.X + rx0 - block.X0);
        if (options.SubVoxelModel)
        {
            offset = highResNative is null
                ? ModelRefined(lowRes, lowResVoxelUm, highRes, highResVoxelUm, block, offset, options)
                : ModelRefined(lowRes, lowResVoxelUm, highResNative, highResNativeVoxelUm, block, offset, options);
        }

        return new HighResOffsetEstimate(offset, lowResVoxelUm, nccAtPeak, coarse.PeakToSecond, EstimateSource.Automatic, options.MinimumNcc);
    }

    /// <summary>The offset refined by <see cref="ShiftedBlockRefinement"/> on the native voxels under the central
    /// common block (shrunk about its centre to at most <see cref="HighResOffsetOptions.ModelNativeVoxels"/>), or
    /// <paramref name="start"/> unchanged when no low-res window is left to compare.</summary>
    private static Offset3 ModelRefined(ISlabReader<float> lowRes, double commonVoxelUm, ISlabReader<float> native, double nativeVoxelUm,
        (int Z0, int Y0, int X0, int D, int H, int W) block, Offset3 start, HighResOffsetOptions options)
    {
        var ratio = commonVoxelUm / nativeVoxelUm;
        int[] nativeCount = [native.Shape.Depth, native.Shape.Height, native.Shape.Width];
        int[] blockStart = [block.Z0, block.Y0, block.X0];
        int[] blockLength = [block.D, block.H, block.W];
        var n0 = new int[3];
        var n = new int[3];
        for (var a = 0; a < 3; a++)
        {
            n0[a] = Math.Clamp((int)Math.Floor(blockStart[a] * ratio + 1e-9), 0, nativeCount[a] - 1);
            n[a] = Math.Min(nativeCount[a], (int)Math.Ceiling((blockStart[a] + blockLength[a]) * ratio - 1e-9)) - n0[a];
        }

        // A big scan's block (256 common voxels of 4 µm at 2.4 µm is 427³ native voxels, 311 MB) is shrunk so the
        // model's arrays stay small beside the refinement block already held.
        var voxels = (double)n[0] * n[1] * n[2];
        if (voxels > options.ModelNativeVoxels)
        {
            var shrink = Math.Cbrt(options.ModelNativeVoxels / voxels);
            for (var a = 0; a < 3; a++)
            {
                var kept = Math.Max(1, (int)Math.Floor(n[a] * shrink));
                n0[a] += (n[a] - kept) / 2;
                n[a] = kept;
            }
        }

        var window = ShiftedBlockRefinement.Window((n0[0], n0[1], n0[2]), (n[0], n[1], n[2]), nativeVoxelUm, commonVoxelUm, start);
        int[] lowCount = [lowRes.Shape.Depth, lowRes.Shape.Height, lowRes.Shape.Width];
        for (var a = 0; a < 3; a++)
        {
            window[a] = (Math.Max(0, window[a].Start), Math.Min(lowCount[a], window[a].End));
            if (window[a].End - window[a].Start < 2)
            {
                return start;
            }
        }

        var target = SubVolume.Read(lowRes, window[0].Start, window[0].End, window[1].Start, window[1].End, window[2].Start, window[2].End, options.SlabDepth);
        var nativeSlab = (int)Math.Clamp((1L << 23) / Math.Max(1L, native.Shape.SliceVoxels), 1, options.SlabDepth);
        var nativeBlock = SubVolume.Read(native, n0[0], n0[0] + n[0], n0[1], n0[1] + n[1], n0[2], n0[2] + n[2], nativeSlab);
        var (refined, ncc) = ShiftedBlockRefinement.Refine(target, (window[0].Start, window[1].Start, window[2].Start),
            nativeBlock, (n0[0], n0[1], n0[2]), nativeVoxelUm, commonVoxelUm, start);
        return double.IsFinite(ncc) ? refined : start;
    }


    private static float[,,] Binned(ISlabReader<float> volume, int binning, int slabDepth)
    {
        if (binning == 1)
        {
            return SubVolume.ReadAll(volume);
        }

        var geometry = ResampleGeometry.Covering(volume.Shape, 1.0, binning);
        var writer = new ArraySlabWriter<float>(geometry.Output);
        AreaResampler.Resample(volume, geometry, writer, slabDepth, slabDepth);
        return writer.Volume;
    }

    private static (int Z0, int Y0, int X0, int D, int H, int W) CentralBlock(VolumeShape shape, int edge)
    {
        edge = Math.Max(8, edge);
        var d = Math.Min(edge, shape.Depth);
        var h = Math.Min(edge, shape.Height);
        var w = Math.Min(edge, shape.Width);
        return ((shape.Depth - d) / 2, (shape.Height - h) / 2, (shape.Width - w) / 2, d, h, w);
    }
}
