using TomoSaxs.Calibrate.Assembly;
using TomoSaxs.Calibrate.Fibres;
using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Output;

/// <summary>
/// What the Calibrate stage hands to Register (the small part of <c>calibrate/calibration.h5</c>; the volumes are
/// read slab by slab through <see cref="ICalibratedVolumes"/>). Everything lives in the calibrated frame: the
/// low-res CT's field of view at the common voxel, <c>[z, row, col]</c> with z down, rows along the beam at the
/// map angle and columns along the raster; pixel (r, c) is centred at ((r + ½)·v, (c + ½)·v) µm from its corner.
/// </summary>
public sealed record CalibrationResult
{
    /// <summary>The common voxel edge v of the combined CT, the CT map, the tube circles and the sample mask, µm.</summary>
    public required double CommonVoxelUm { get; init; }

    /// <summary>The combined CT's shape, common voxels.</summary>
    public required VolumeShape CtShape { get; init; }

    /// <summary>Where the high-res scan lies in the low-res one (common voxels), estimated or pinned.</summary>
    public required HighResOffsetEstimate HighResOffset { get; init; }

    /// <summary>The combined CT's voxels that come from the high-res scan.</summary>
    public required HighResRegion HighResRegion { get; init; }

    /// <summary>The inverted summed CT map <c>[z, col]</c> (sum over rows, then max − value), grey units.</summary>
    public required double[,] CtMap { get; init; }

    /// <summary>The Kapton tube's outer circle per CT slab, common-voxel pixels; the slabs cover every slice.</summary>
    public required IReadOnlyList<TubeSlab> Tube { get; init; }

    /// <summary>The fibre volumes' grid in the calibrated frame (voxel, shape, exact corner).</summary>
    public required FibrePlacement Fibres { get; init; }

    /// <summary>Per CT slice, how the sample mask was thresholded.</summary>
    public required IReadOnlyList<SampleMaskSlice> SampleMask { get; init; }
}

/// <summary>
/// The calibrated volumes, read slab by slab: the fibre volumes on <see cref="CalibrationResult.Fibres"/>'s grid
/// and the sample mask on the CT grid.
/// </summary>
public interface ICalibratedVolumes : IDisposable
{
    /// <summary>α (polar angle from the vertical), whole degrees 1…179; 0 = no fibre.</summary>
    ISlabReader<byte> Theta { get; }

    /// <summary>β (azimuth from the row axis towards the column axis at the map angle), whole degrees 0…179.</summary>
    ISlabReader<byte> Phi { get; }

    /// <summary>Fibre id per voxel; 0 = no fibre.</summary>
    ISlabReader<int> FibreIndex { get; }

    /// <summary>The sample share of each pixel, 0…255 (255 = sample, 0 = not; partial at the outline), on the combined CT grid.</summary>
    ISlabReader<byte> SampleMask { get; }
}
