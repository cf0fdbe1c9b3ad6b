using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Geometry;
using TomoSaxs.Integration;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Cli.Tests;

/// <summary>`tomosaxs integrate` on the golden pyFAI frames gives the library's numbers and so pyFAI's.</summary>
public class IntegrateCommandTests
{
    private static string Golden(string geometry, string file) => SharedData.Path("golden", "pyfai", geometry, file);

    private static string[] FrameArgs(string geometry) =>
    [
        "integrate", "--geometry", Golden(geometry, "geometry.poni"), "--frame", Golden(geometry, "frame.h5"), "--dataset", "frame",
        "--mask", Golden(geometry, "frame.h5"), "--mask-dataset", "mask",
    ];

    private static double[] Expected(string geometry, string dataset)
    {
        using var file = Hdf5File.Open(Golden(geometry, "expected.h5"));
        return file.Dataset(dataset).Read<double>();
    }

    private static (PixelMap Map, DetectorMask Mask, float[] Frame) Library(string geometry)
    {
        using var file = Hdf5File.Open(Golden(geometry, "frame.h5"));
        var frame = file.Dataset("frame");
        var rows = (int)frame.Shape[0];
        var cols = (int)frame.Shape[1];
        var mask = DetectorMask.FromValues<byte>(file.Dataset("mask").Read<byte>(), rows, cols);
        return (PixelMap.Create(PoniFile.Read(Golden(geometry, "geometry.poni")).Geometry, rows, cols), mask, frame.Read<float>());
    }

    [Theory]
    [InlineData("flat", "bbox", "i1d_bbox_csr", 1e-4)]
    [InlineData("tilted", "bbox", "i1d_bbox_csr", 1e-4)]
    [InlineData("flat", "none", "i1d_no_histogram", 1e-5)]
    [InlineData("tilted", "none", "i1d_no_histogram", 1e-5)]
    public void RadialProfileMatchesLibraryAndPyFai(string geometry, string split, string golden, double tolerance)
    {
        var csv = CliRun.Of([.. FrameArgs(geometry), "--q-bins", "300", "--q-range", "0.15,0.4", "--split", split]).Csv();

        var (map, mask, frame) = Library(geometry);
        var library = RadialProfileOperator.Build(map, mask,
            new RadialProfileSpec(300, split == "bbox" ? PixelSplitting.BoundingBox : PixelSplitting.None, new ValueRange(0.15, 0.4)));
        Assert.Equal(library.Integrate<float>(frame), csv["intensity"]);
        Assert.Equal(library.QCentresNm, csv["q_nm^-1"]);
        AssertRelative(Expected(geometry, golden + "/intensity"), csv["intensity"], tolerance);
        AssertRelative(Expected(geometry, golden + "/x"), csv["q_nm^-1"], 1e-9);
    }

    [Theory]
    [InlineData("flat", "radial_peak_upperleft", "0.272179,0.292179", "90,180")]
    [InlineData("tilted", "radial_outer_lowerleft", "0.292179,0.297179", "-180,-90")]
    public void BandMeanMatchesPyFaiIntegrateRadial(string geometry, string golden, string band, string chiRange)
    {
        var csv = CliRun.Of([.. FrameArgs(geometry), "--band", band, "--chi-range", chiRange, "--chi-bins", "90"]).Csv();

        AssertRelative(Expected(geometry, golden + "/intensity"), csv["intensity"], 1e-4);
        AssertRelative(Expected(geometry, golden + "/x"), csv["chi_deg"], 1e-6);
    }

    [Fact]
    public void CakeMatchesPyFaiInWellFilledBins()
    {
        var csv = CliRun.Of([.. FrameArgs("flat"), "--cake", "100,360", "--q-range", "0.15,0.4"]).Csv();

        var expected = Expected("flat", "i2d_bbox_csr/intensity");
        var (map, mask, frame) = Library("flat");
        var library = CakeOperator.Build(map, mask, new CakeSpec(100, 360, new ValueRange(0.15, 0.4)));
        Assert.Equal(library.Integrate<float>(frame), csv["intensity"]);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i] == 0, csv["intensity"][i] == 0);
            if (library.Matrix.Coverage[i] >= 10)
            {
                Assert.True(Math.Abs(csv["intensity"][i] - expected[i]) <= 1e-3 * Math.Abs(expected[i]), $"bin {i}: {csv["intensity"][i]} vs {expected[i]}");
            }
        }
    }

    [Fact]
    public void HdfOutputHoldsTheSameNumbersAsCsv()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("iq.h5");
        var csv = CliRun.Of([.. FrameArgs("flat"), "--q-bins", "50"]).Csv();

        var run = CliRun.Of([.. FrameArgs("flat"), "--q-bins", "50", "--out", path]);

        Assert.Equal(0, run.ExitCode);
        using var file = Hdf5File.Open(path);
        Assert.Equal(csv["intensity"], file.Dataset("intensity").Read<double>());
        Assert.Equal(csv["q_nm^-1"], file.Dataset("q_nm").Read<double>());
    }

    [Fact]
    public void DawnCalibrationAndAnI22FrameIndexWork()
    {
        var fixtures = SharedData.Path("fixtures", "i22");
        var csv = CliRun.Of("integrate", "--geometry", Path.Combine(fixtures, "calibration.nxs"), "--frame", Path.Combine(fixtures, "scan_lz4.nxs"),
            "--index", "1,3", "--mask", Path.Combine(fixtures, "mask.nxs"), "--q-bins", "20", "--split", "none").Csv();

        using var scan = I22Scan.Open(Path.Combine(fixtures, "scan_lz4.nxs"));
        var frame = scan.ReadFrame<int>(1, 3);
        var map = PixelMap.Create(DawnCalibrationFile.Read(Path.Combine(fixtures, "calibration.nxs")).ToPoni(), frame.Rows, frame.Columns);
        var library = RadialProfileOperator.Build(map, DawnMaskFile.Read(Path.Combine(fixtures, "mask.nxs")), new RadialProfileSpec(20, PixelSplitting.None));
        Assert.Equal(library.Integrate<int>(frame.Pixels), csv["intensity"]);
        Assert.Contains(csv["intensity"], value => value > 0);
    }

    [Fact]
    public void AMissingDatasetIsOneClearError()
    {
        var run = CliRun.Of("integrate", "--geometry", Golden("flat", "geometry.poni"), "--frame", Golden("flat", "frame.h5"),
            "--dataset", "entry/nothing", "--q-bins", "10");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("frame.h5", run.Error);
        Assert.Contains("entry/nothing", run.Error);
    }

    [Fact]
    public void TwoModesAtOnceIsAUsageError()
    {
        var run = CliRun.Of([.. FrameArgs("flat"), "--q-bins", "10", "--cake", "10,10"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("exactly one of", run.Error);
    }

    private static void AssertRelative(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i] == 0, actual[i] == 0);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance * Math.Abs(expected[i]), $"[{i}] {actual[i]} vs {expected[i]}");
        }
    }
}
