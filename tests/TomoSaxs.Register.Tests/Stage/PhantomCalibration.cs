using TomoSaxs.Calibrate.Assembly;
using TomoSaxs.Calibrate.CtMap;
using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Fibres;
using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats.Tiff;
using TomoSaxs.Scan;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>
/// A calibration of the example phantom made for the Register tests from its raw files and truth, without the
/// Calibrate stage: the combined CT is the raw low-res CT (its voxel is the default common voxel), the CT map its
/// inverted sum over rows, the tube circle per CT slice from truth's tilted axis, the fibre volumes the raw
/// fibre-tracing stacks placed by truth's crop start and high-res offset, and the sample mask Otsu's within the
/// tube (<see cref="SampleMask.Build"/>). Held in memory behind <see cref="ICalibratedVolumes"/>.
/// </summary>
public static class PhantomCalibration
{
    /// <summary>Builds the calibration of <paramref name="raw"/> using <paramref name="truth"/>.</summary>
    public static (CalibrationResult Result, MemoryVolumes Volumes) Build(RawInputs raw, ScanGeometry geometry, PhantomTruth truth)
    {
        var ct = TiffStackSlabReader.AsFloat(TiffStack.Open(raw.Ct.LowRes));
        var v = raw.Ct.LowResVoxelUm;
        var shape = ct.Shape;
        var ctMap = SummedCtMap.Compute(ct);

        // Tube circle per CT slice, in pixel-centre coordinates: x = corner + (col + ½)·v.
        var tube = Enumerable.Range(0, shape.Depth).Select(z =>
        {
            var height = truth.LowResTopUm - (z + 0.5) * v;
            var (x, zs) = truth.TubeCentreUm(height);
            return new TubeSlab(z, z + 1, TubeCircle.Pinned((zs - truth.LowResCornerZUm) / v - 0.5, (x - truth.LowResCornerXUm) / v - 0.5, truth.TubeOuterRadiusUm / v));
        }).ToList();

        var maskWriter = new ArraySlabWriter<byte>(shape);
        var maskReports = SampleMask.Build(ct, tube, maskWriter, new SampleMaskOptions { WallPx = geometry.TubeWallUm / v });

        var fibreVoxel = raw.Fibres.VoxelUm(raw.Ct);
        var thetaStack = TiffStack.Open(raw.Fibres.Theta);
        var traced = new VolumeShape(thetaStack.Info.Depth, thetaStack.Info.Height, thetaStack.Info.Width);
        var crop = truth.CropStartXyz;
        var frame = FibreFrame.FromOriginExtent(
            (crop.Z * raw.Fibres.Scale, crop.Y * raw.Fibres.Scale, crop.X * raw.Fibres.Scale),
            new VolumeShape(truth.HighResShape.Z, truth.HighResShape.Y, truth.HighResShape.X), traced, raw.Ct.HighResVoxelUm, raw.Fibres.Scale);
        var offset = new Offset3(truth.HighResOffsetLowResVoxels.Z, truth.HighResOffsetLowResVoxels.Y, truth.HighResOffsetLowResVoxels.X);
        var placement = FibrePlacement.Plan(frame, offset, v, shape);
        byte[,,] PlaceBytes(string folder)
        {
            var writer = new ArraySlabWriter<byte>(placement.Shape);
            VolumePlacement.Place(TiffStackSlabReader.Typed<byte>(TiffStack.Open(folder)), placement.Shift, placement.Shape, writer);
            return writer.Volume;
        }

        var indexWriter = new ArraySlabWriter<ushort>(placement.Shape);
        VolumePlacement.Place(TiffStackSlabReader.Typed<ushort>(TiffStack.Open(raw.Fibres.Index)), placement.Shift, placement.Shape, indexWriter);
        var index = new int[placement.Shape.Depth, placement.Shape.Height, placement.Shape.Width];
        var source = indexWriter.Volume;
        for (var z = 0; z < index.GetLength(0); z++)
        {
            for (var y = 0; y < index.GetLength(1); y++)
            {
                for (var x = 0; x < index.GetLength(2); x++)
                {
                    index[z, y, x] = source[z, y, x];
                }
            }
        }

        var result = new CalibrationResult
        {
            CommonVoxelUm = v,
            CtShape = shape,
            HighResOffset = new HighResOffsetEstimate(offset, v, 1, double.NaN, EstimateSource.Pinned, 0.5),
            HighResRegion = new HighResRegion(0, 0, 0, 0, 0, 0),
            CtMap = ctMap,
            Tube = tube,
            Fibres = placement,
            SampleMask = maskReports,
        };
        return (result, new MemoryVolumes(PlaceBytes(raw.Fibres.Theta), PlaceBytes(raw.Fibres.Phi), index, maskWriter.Volume));
    }
}
