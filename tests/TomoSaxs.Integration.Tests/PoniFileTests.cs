using TomoSaxs.Geometry;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Integration.Tests;

public sealed class PoniFileTests
{
    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void GoldenPoniFileHoldsTheGeometryJsonValues(string name)
    {
        var golden = GoldenCase.Load(name);
        var g = golden.Poni.Geometry;
        var json = golden.Json;

        // The SI accessors must give back exactly the numbers pyFAI wrote.
        Assert.Equal(json.GetProperty("dist_m").GetDouble(), g.DistanceM);
        Assert.Equal(json.GetProperty("poni1_m").GetDouble(), g.Poni1M);
        Assert.Equal(json.GetProperty("poni2_m").GetDouble(), g.Poni2M);
        Assert.Equal(json.GetProperty("rot1_rad").GetDouble(), g.Rot1Rad);
        Assert.Equal(json.GetProperty("rot2_rad").GetDouble(), g.Rot2Rad);
        Assert.Equal(json.GetProperty("rot3_rad").GetDouble(), g.Rot3Rad);
        Assert.Equal(json.GetProperty("pixel1_m").GetDouble(), g.Pixel1M);
        Assert.Equal(json.GetProperty("pixel2_m").GetDouble(), g.Pixel2M);
        Assert.Equal(json.GetProperty("wavelength_m").GetDouble(), g.WavelengthM);
        Assert.Equal(172.0, g.Pixel1Um);
        Assert.Equal("Detector", golden.Poni.DetectorName);
        Assert.Null(golden.Poni.DetectorShape);
    }

    [Fact]
    public void I22FlippedPoniNamesPilatus2MWithEmptyConfigAndShortNumbers()
    {
        var poni = PoniFile.Read(SharedData.Path("fixtures", "i22", "testSAXSCal_flipped.poni"));

        Assert.Equal("Pilatus2m", poni.DetectorName);
        Assert.Equal((1679, 1475), poni.DetectorShape);
        Assert.Equal(172.0, poni.Geometry.Pixel1Um);
        Assert.Equal(172.0, poni.Geometry.Pixel2Um);
        Assert.Equal(9.7738609, poni.Geometry.DistanceM);
        Assert.Equal(0.12554280, poni.Geometry.Poni1M);
        Assert.Equal(0.11783720, poni.Geometry.Poni2M);
        Assert.Equal(0.88560148e-10, poni.Geometry.WavelengthM);
        Assert.True(poni.Geometry.IsUntilted);
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void WriteThenReadGivesTheSameGeometry(string name)
    {
        using var folder = new TemporaryDirectory();
        var original = GoldenCase.Load(name).Poni;
        var path = folder.File("copy.poni");

        original.Write(path);
        var copy = PoniFile.Read(path);

        Assert.Equal(original.Geometry, copy.Geometry);
        Assert.Equal(original.DetectorShape, copy.DetectorShape);
        Assert.Contains("poni_version: 2", File.ReadAllText(path));
    }

    [Fact]
    public void NamedDetectorAndShapeSurviveARoundTrip()
    {
        using var folder = new TemporaryDirectory();
        var original = PoniFile.Read(SharedData.Path("fixtures", "i22", "testSAXSCal_flipped.poni"));
        var path = folder.File("i22.poni");

        original.Write(path);
        var copy = PoniFile.Read(path);

        Assert.Equal(original, copy with { DetectorName = original.DetectorName });
        Assert.Equal("Pilatus2M", copy.DetectorName);
        Assert.Equal(original.Geometry, copy.Geometry);
    }

    [Fact]
    public void GenericDetectorWithShapeWritesMaxShape()
    {
        var geometry = new PoniGeometry(1.0e6, 1000, 2000, 0.01, -0.02, 0.03, 75, 100, 0.1);
        var file = new PoniFile(geometry, "Detector", (64, 48));

        var copy = PoniFile.Parse(file.Format());

        Assert.Equal(file, copy);
        Assert.Contains("\"max_shape\": [64, 48]", file.Format());
    }

    [Fact]
    public void ReadsVersion1WithPixelSizesCommentsAndCrLf()
    {
        const string text =
            "# Nota: C-Order, 1 refers to the Y axis, 2 to the X axis\r\n" +
            "# Calibration done at some date\r\n" +
            "PixelSize1: 1.72e-4\r\n" +
            "PixelSize2: 0.000172\r\n" +
            "\r\n" +
            "Distance: 9.7738609\r\n" +
            "Poni1: 0.12554280\r\n" +
            "Poni2: 0.11783720\r\n" +
            "Rot1: 0.00\r\n" +
            "Rot2: 0.00\r\n" +
            "Rot3: 0.00\r\n" +
            "SplineFile: None\r\n" +
            "Wavelength: 0.88560148e-10\r\n";

        var poni = PoniFile.Parse(text);

        Assert.Equal(172.0, poni.Geometry.Pixel1Um, 9);
        Assert.Equal(172.0, poni.Geometry.Pixel2Um, 9);
        Assert.Equal(0.12554280, poni.Geometry.Poni1M);
        Assert.Equal(0.088560148, poni.Geometry.WavelengthNm, 15);
        Assert.Equal("Detector", poni.DetectorName);
    }

    [Fact]
    public void MissingKeyIsReportedWithFileAndKey()
    {
        const string text = "poni_version: 2\nDetector: Detector\nDetector_config: {\"pixel1\": 1e-4, \"pixel2\": 1e-4}\n" +
                            "Distance: 1\nPoni2: 0.1\nWavelength: 1e-10\n";

        var error = Assert.Throws<FormatException>(() => PoniFile.Parse(text, "broken.poni"));

        Assert.Contains("broken.poni", error.Message);
        Assert.Contains("poni1", error.Message);
    }

    [Fact]
    public void UnknownDetectorWithoutPixelSizeIsRejected()
    {
        const string text = "poni_version: 2\nDetector: MysteryCam\nDetector_config: {}\n" +
                            "Distance: 1\nPoni1: 0.1\nPoni2: 0.1\nWavelength: 1e-10\n";

        var error = Assert.Throws<FormatException>(() => PoniFile.Parse(text, "mystery.poni"));

        Assert.Contains("MysteryCam", error.Message);
    }
}
