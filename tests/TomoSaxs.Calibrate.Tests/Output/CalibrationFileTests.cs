using TomoSaxs.Calibrate.Assembly;
using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Fibres;
using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Calibrate.Tests.Output;

public sealed class CalibrationFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("calibration-file-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void RoundTripKeepsTheResultAndEveryVoxel()
    {
        var (result, volumes) = Example();
        var path = Path.Combine(folder, "calibrate", CalibrationLayout.FileName);
        CalibrationFile.Write(path, result, volumes, root => root.Attributes.Set("pipeline_version", "test"));

        using var reader = CalibrationFile.Open(path);
        var back = reader.Result;
        Assert.Equal(result.CommonVoxelUm, back.CommonVoxelUm);
        Assert.Equal(result.CtShape, back.CtShape);
        Assert.Equal(result.HighResOffset, back.HighResOffset with { PeakToSecond = result.HighResOffset.PeakToSecond });
        Assert.Equal(result.HighResOffset.PeakToSecond, back.HighResOffset.PeakToSecond);
        Assert.Equal(result.HighResRegion, back.HighResRegion);
        Assert.Equal(result.CtMap, back.CtMap);
        Assert.Equal(result.Tube.Count, back.Tube.Count);
        for (var k = 0; k < result.Tube.Count; k++)
        {
            Assert.Equal(result.Tube[k].ZStart, back.Tube[k].ZStart);
            Assert.Equal(result.Tube[k].ZEnd, back.Tube[k].ZEnd);
            Assert.Equal(result.Tube[k].Circle.CentreRow, back.Tube[k].Circle.CentreRow);
            Assert.Equal(result.Tube[k].Circle.CentreCol, back.Tube[k].Circle.CentreCol);
            Assert.Equal(result.Tube[k].Circle.RadiusPx, back.Tube[k].Circle.RadiusPx);
            Assert.Equal(result.Tube[k].Circle.Source, back.Tube[k].Circle.Source);
            Assert.Equal(result.Tube[k].Circle.EdgePoints, back.Tube[k].Circle.EdgePoints);
            Assert.Equal(result.Tube[k].Circle.RmsPx, back.Tube[k].Circle.RmsPx);
        }

        Assert.Equal(result.Fibres, back.Fibres);
        Assert.Equal(result.SampleMask, back.SampleMask);

        Assert.Equal(SubVolume.ReadAll(volumes.Theta), SubVolume.ReadAll(reader.Theta));
        Assert.Equal(SubVolume.ReadAll(volumes.Phi), SubVolume.ReadAll(reader.Phi));
        Assert.Equal(SubVolume.ReadAll(volumes.FibreIndex), SubVolume.ReadAll(reader.FibreIndex));
        Assert.Equal(SubVolume.ReadAll(volumes.SampleMask), SubVolume.ReadAll(reader.SampleMask));

        // A slab in the middle comes back on its own.
        Assert.Equal(volumes.FibreIndex.ReadSlab(17, 19), reader.FibreIndex.ReadSlab(17, 19));
    }

    [Fact]
    public void VolumesAreChunkedInWholeSlicesCompressedAndCarryUnits()
    {
        var (result, volumes) = Example();
        var path = Path.Combine(folder, CalibrationLayout.FileName);
        CalibrationFile.Write(path, result, volumes, root => root.Attributes.Set("pipeline_version", "test"));

        using var file = Hdf5File.Open(path);
        foreach (var name in new[] { CalibrationLayout.Theta, CalibrationLayout.Phi, CalibrationLayout.FibreIndex, CalibrationLayout.SampleMask })
        {
            var dataset = file.Dataset(name);
            Assert.NotNull(dataset.ChunkShape);
            Assert.Equal(dataset.Shape[1], dataset.ChunkShape![1]);
            Assert.Equal(dataset.Shape[2], dataset.ChunkShape[2]);
            Assert.InRange(dataset.ChunkShape[0], 1, 16);
            Assert.NotEmpty(dataset.Filters);
        }

        Assert.Equal("deg", file.Dataset(CalibrationLayout.Theta).Units);
        Assert.Equal("um", file.Dataset("ct/voxel_um").Units);
        Assert.Equal("um", file.Dataset("offset/um").Units);
        Assert.Equal("pixel", file.Dataset("tube/radius_px").Units);
        Assert.Equal("test", file.StringAttribute("/", "pipeline_version"));
    }

    [Fact]
    public void TheChunkDepthKeepsChunksSmallForLargeSlices()
    {
        Assert.Equal(16, CalibrationLayout.ChunkDepth(100 * 100));
        Assert.Equal(2, CalibrationLayout.ChunkDepth(2000L * 2000));
        Assert.Equal(1, CalibrationLayout.ChunkDepth(4000L * 4000 * 4));
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var path = Path.Combine(folder, "nowhere.h5");
        var error = Assert.Throws<DataFileException>(() => CalibrationFile.Open(path));
        Assert.Contains("nowhere.h5", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void AForeignFileIsRefusedNamingTheAttribute()
    {
        var path = Path.Combine(folder, "other.h5");
        var root = new ArtefactGroup();
        root.Attributes.Set("artefact", "tomosaxs.registration");
        root.AddScalar("x", 1.0);
        Hdf5ArtefactWriter.Write(path, root);

        var error = Assert.Throws<DataFileException>(() => CalibrationFile.Open(path));
        Assert.Contains("other.h5", error.Message);
        Assert.Contains("/@artefact", error.Message);
        Assert.Contains("tomosaxs.registration", error.Message);
    }

    [Fact]
    public void AFileLackingADatasetNamesIt()
    {
        var path = Path.Combine(folder, "partial.h5");
        var root = new ArtefactGroup();
        root.Attributes.Set("artefact", CalibrationLayout.ArtefactName).Set("layout_version", CalibrationLayout.LayoutVersion);
        root.Group("ct").AddDataset("shape", new[] { 2, 3, 4 });
        Hdf5ArtefactWriter.Write(path, root);

        var error = Assert.Throws<DataFileException>(() => CalibrationFile.Open(path));
        Assert.Contains("partial.h5", error.Message);
        Assert.Contains("voxel_um", error.Message);
    }

    [Fact]
    public void AVolumeOfTheWrongShapeIsRefusedBeforeWriting()
    {
        var (result, volumes) = Example();
        var wrong = new Volumes(volumes.Theta, volumes.Phi, volumes.FibreIndex, new ArraySlabReader<byte>(new byte[2, 2, 2]));
        var path = Path.Combine(folder, "wrong.h5");
        var error = Assert.Throws<ArgumentException>(() => CalibrationFile.Write(path, result, wrong));
        Assert.Contains("sample mask", error.Message);
        Assert.False(File.Exists(path));
    }

    private static (CalibrationResult Result, ICalibratedVolumes Volumes) Example()
    {
        var random = new Random(7);
        var ct = new VolumeShape(20, 12, 14);
        var fibreShape = new VolumeShape(40, 24, 28);
        var theta = new byte[40, 24, 28];
        var phi = new byte[40, 24, 28];
        var index = new int[40, 24, 28];
        var mask = new byte[20, 12, 14];
        for (var z = 0; z < 40; z++)
        {
            for (var y = 0; y < 24; y++)
            {
                for (var x = 0; x < 28; x++)
                {
                    theta[z, y, x] = (byte)random.Next(0, 180);
                    phi[z, y, x] = (byte)random.Next(0, 180);
                    index[z, y, x] = random.Next(0, 100_000);
                    if (z < 20 && y < 12 && x < 14)
                    {
                        mask[z, y, x] = (byte)random.Next(0, 2);
                    }
                }
            }
        }

        var map = new double[20, 14];
        for (var z = 0; z < 20; z++)
        {
            for (var x = 0; x < 14; x++)
            {
                map[z, x] = random.NextDouble() * 1000;
            }
        }

        var result = new CalibrationResult
        {
            CommonVoxelUm = 6.5,
            CtShape = ct,
            HighResOffset = new HighResOffsetEstimate(new Offset3(3.25, -1.5, 2), 6.5, 0.93, double.NaN, EstimateSource.Automatic, 0.5),
            HighResRegion = new HighResRegion(4, 12, 0, 8, 2, 10),
            CtMap = map,
            Tube =
            [
                new TubeSlab(0, 16, new TubeCircle(5.5, 6.25, 5.1, 0.2, 0.95, 300, EstimateSource.Automatic)),
                new TubeSlab(16, 20, TubeCircle.Pinned(5.4, 6.3, 5.0)),
            ],
            Fibres = new FibrePlacement(3.25, fibreShape, (7, -2, 4), (22.9, -6.1, 13.0)),
            SampleMask = [.. Enumerable.Range(0, 20).Select(z => new SampleMaskSlice(z, 100 + z, 0.8, 40 + z, z % 5 != 0))],
        };
        return (result, new Volumes(new ArraySlabReader<byte>(theta), new ArraySlabReader<byte>(phi), new ArraySlabReader<int>(index), new ArraySlabReader<byte>(mask)));
    }

    private sealed record Volumes(ISlabReader<byte> Theta, ISlabReader<byte> Phi, ISlabReader<int> FibreIndex, ISlabReader<byte> SampleMask) : ICalibratedVolumes
    {
        public void Dispose()
        {
        }
    }
}
