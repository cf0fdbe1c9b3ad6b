using SkiaSharp;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Pipeline;
using TomoSaxs.Register.Stage;
using TomoSaxs.Scan;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>Register's QC figures (docs/register.md, "QC figures") from the shared example registration.</summary>
[Collection(RegisteredExampleCollection.Name)]
public sealed class RegisterFiguresTests(RegisteredExample example)
{
    [Fact]
    public void Every_expected_figure_is_written_as_a_PNG_of_the_expected_size()
    {
        using var folder = new TemporaryDirectory();
        var log = new List<string>();

        var written = RegisterFigures.Write(folder.Path, example.Input, example.Result, log.Add);

        var slice = RegisterFigures.SliceDrawn(example.Result.Slices);
        var angles = Enumerable.Range(0, example.Result.AnglesDeg.Count).ToList();
        var expected = new[] { RegisterFigures.CtMapFile, RegisterFigures.VerticalMatchFile }
            .Concat(angles.Select(k => RegisterFigures.TubeFile(k, slice)))
            .Concat(angles.Select(k => RegisterFigures.FibresFile(k, slice)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, written.Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expected, Directory.EnumerateFiles(folder.Path).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList());
        foreach (var file in written)
        {
            using var bitmap = SKBitmap.Decode(file);
            Assert.NotNull(bitmap);
            var wide = Path.GetFileName(file) == RegisterFigures.VerticalMatchFile;
            Assert.Equal((wide ? 1600 : 1200, 900), (bitmap.Width, bitmap.Height));
        }

        Assert.Contains(log, line => line.Contains($"{expected.Count} PNG", StringComparison.Ordinal));
    }

    [Fact]
    public void The_stage_writes_no_figure_when_register_qc_figures_is_false()
    {
        using var artifacts = new TemporaryDirectory();
        var calibration = Path.Combine(artifacts.Path, "calibrate", CalibrationLayout.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(calibration)!);
        CalibrationFile.Write(calibration, example.Calibration, example.Volumes);
        var scan = ScanContext.Load(example.Phantom.ScanFile, artifacts.Path, ["register.qc_figures=false"]);
        var stage = new StageIdentity(RegisterStage.Name, "1", scan.Definition.Stages[RegisterParameters.StageName].ToCanonicalJson());
        var registration = Path.Combine(artifacts.Path, "register", "registration.h5");

        RegisterStage.Run(new StageRun(scan, stage, null, _ => { }), calibration, registration);

        Assert.True(File.Exists(registration));
        Assert.False(Directory.Exists(RegisterFigures.Folder(registration)));
    }

    [Fact]
    public void The_slice_bands_follow_the_vertical_registration()
    {
        var result = example.Result;
        var bands = RegisterFigures.SliceBands(result);
        var raster = example.Input.Rasters[0];
        var height = Math.Abs(raster.YUm[^1] - raster.YUm[0]) / (raster.Slices - 1);

        Assert.Equal(raster.Slices, bands.Count);
        for (var j = 0; j < bands.Count; j++)
        {
            var (top, bottom, label) = bands[j];
            Assert.Equal($"slice {j}", label);
            Assert.Equal(result.Vertical.CtZUm(raster.YUm[j]), 0.5 * (top + bottom), 6);
            Assert.Equal(height, bottom - top, 6);
        }

        // Slice 0 is the top slice of the example (sense +1): the bands go down the CT map in slice order and touch.
        for (var j = 1; j < bands.Count; j++)
        {
            Assert.Equal(bands[j - 1].BottomUm, bands[j].TopUm, 6);
        }
    }

    [Fact]
    public void The_fibre_projection_puts_the_fibres_inside_the_tube_and_the_path_edges_around_the_paths()
    {
        var result = example.Result;
        var slice = RegisterFigures.SliceDrawn(result.Slices);
        var cloud = RegisterFigures.SliceCloud(example.Input, result, slice);
        var radius = example.Input.Geometry.TubeOuterDiameterUm / 2;
        Assert.True(cloud.Count > 0);

        for (var k = 0; k < result.AnglesDeg.Count; k++)
        {
            var (x, z, ids) = RegisterFigures.ProjectedFibres(cloud, result, k, slice);
            var centre = result.TubeCentreUm[k, slice];
            Assert.Equal(cloud.Count, ids.Length);
            Assert.All(Enumerable.Range(0, x.Length), i =>
                Assert.True(Math.Sqrt((x[i] - centre) * (x[i] - centre) + z[i] * z[i]) < radius, $"point {i} at angle {k} lies outside the tube"));
        }

        var positions = result.PathPositionsUm.Order().ToArray();
        var edges = RegisterFigures.PathEdgesUm(result.PathPositionsUm);
        Assert.Equal(positions.Length + 1, edges.Length);
        Assert.All(Enumerable.Range(0, positions.Length), i => Assert.InRange(positions[i], edges[i], edges[i + 1]));
    }
}
