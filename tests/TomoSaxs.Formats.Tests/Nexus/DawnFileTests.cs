using System.Text.Json;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Geometry;
using TomoSaxs.TestSupport;
using TomoSaxs.Formats.Tests.Hdf5;

namespace TomoSaxs.Formats.Tests.Nexus;

/// <summary>DAWN mask and calibration files.</summary>
public sealed class DawnFileTests
{
    private static readonly JsonElement Expected = ExpectedValues.Load(TestFiles.Fixture("expected.json"));

    [Fact]
    public void Fixture_mask_excludes_the_expected_number_of_pixels()
    {
        var mask = DawnMaskFile.Read(TestFiles.Fixture("mask.nxs"));

        Assert.Equal(64, mask.Rows);
        Assert.Equal(48, mask.Cols);
        Assert.Equal(Expected.GetProperty("mask_excluded_pixels").GetInt32(), mask.ExcludedCount);
        Assert.Equal(mask.ExcludedCount, mask.Excluded.ToArray().Count(flag => flag));
    }

    [Fact]
    public void Boolean_mask_reads_true_as_excluded()
    {
        var expected = ExpectedValues.Load(TestFiles.NexusData("expected.json")).GetProperty("mask_bool.nxs");

        var mask = DawnMaskFile.Read(TestFiles.NexusData("mask_bool.nxs"));

        Assert.Equal(ExpectedValues.Longs(expected.GetProperty("shape")), new long[] { mask.Rows, mask.Cols });
        Assert.Equal(expected.GetProperty("excluded_pixels").GetInt32(), mask.ExcludedCount);
        foreach (var pixel in expected.GetProperty("excluded").EnumerateArray())
        {
            Assert.True(mask.IsExcluded(pixel[0].GetInt32() * mask.Cols + pixel[1].GetInt32()));
        }

        foreach (var pixel in expected.GetProperty("included").EnumerateArray())
        {
            Assert.False(mask.IsExcluded(pixel[0].GetInt32() * mask.Cols + pixel[1].GetInt32()));
        }
    }

    [Fact]
    public void Fixture_calibration_converts_mm_and_angstrom_to_micrometres_and_nanometres()
    {
        var expected = Expected.GetProperty("calibration");

        var calibration = DawnCalibrationFile.Read(TestFiles.Fixture("calibration.nxs"));

        Assert.Equal(expected.GetProperty("distance_mm").GetDouble() * 1000, calibration.DistanceUm, 6);
        Assert.Equal(expected.GetProperty("beam_center_x_mm").GetDouble() * 1000, calibration.BeamCentreXPx * calibration.PixelXUm, 6);
        Assert.Equal(expected.GetProperty("beam_center_y_mm").GetDouble() * 1000, calibration.BeamCentreYPx * calibration.PixelYUm, 6);
        Assert.Equal(expected.GetProperty("pixel_mm").GetDouble() * 1000, calibration.PixelXUm, 9);
        Assert.Equal(expected.GetProperty("pixel_mm").GetDouble() * 1000, calibration.PixelYUm, 9);
        Assert.Equal(expected.GetProperty("wavelength_angstrom").GetDouble() / 10, calibration.WavelengthNm, 12);
        // The integration note's reference values: centre (685.1, 949.1) px.
        Assert.Equal(685.1, calibration.BeamCentreXPx, 9);
        Assert.Equal(949.1, calibration.BeamCentreYPx, 9);
    }

    [Fact]
    public void Calibration_units_attributes_are_honoured()
    {
        // The same geometry as the fixture, stored in m, µm, pixels and nm.
        using var folder = new TemporaryDirectory();
        var path = folder.File("calibration_si.nxs");
        var root = new ArtefactGroup();
        var detector = root.Group("entry1").Group("instrument").Group("detector");
        detector.AddScalar("distance", 9.773861).Attributes.Set("units", "m");
        detector.AddScalar("x_pixel_size", 172.0).Attributes.Set("units", "um");
        detector.AddScalar("y_pixel_size", 172.0).Attributes.Set("units", "µm");
        detector.AddScalar("beam_center_x", 685.1).Attributes.Set("units", "pixels");
        detector.AddScalar("beam_center_y", 163.2452).Attributes.Set("units", "mm");
        root.Group("entry1").Group("calibration_sample").Group("beam")
            .AddScalar("incident_wavelength", 0.08856015).Attributes.Set("units", "nm");
        Hdf5ArtefactWriter.Write(path, root);

        var calibration = DawnCalibrationFile.Read(path);

        Assert.Equal(9773861.0, calibration.DistanceUm, 6);
        Assert.Equal(172.0, calibration.PixelXUm, 12);
        Assert.Equal(117837.2, calibration.BeamCentreXPx * calibration.PixelXUm, 6);
        Assert.Equal(163245.2, calibration.BeamCentreYPx * calibration.PixelYUm, 6);
        Assert.Equal(685.1, calibration.BeamCentreXPx, 9);
        Assert.Equal(949.1, calibration.BeamCentreYPx, 9);
        Assert.Equal(0.08856015, calibration.WavelengthNm, 15);
    }

    [Fact]
    public void Calibration_with_an_unknown_unit_names_the_attribute()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("calibration_bad.nxs");
        var root = new ArtefactGroup();
        var detector = root.Group("entry1").Group("instrument").Group("detector");
        detector.AddScalar("distance", 9773.861).Attributes.Set("units", "furlongs");
        detector.AddScalar("x_pixel_size", 0.172);
        detector.AddScalar("y_pixel_size", 0.172);
        detector.AddScalar("beam_center_x", 117.8372);
        detector.AddScalar("beam_center_y", 163.2452);
        root.Group("entry1").Group("calibration_sample").Group("beam").AddScalar("incident_wavelength", 0.8856015);
        Hdf5ArtefactWriter.Write(path, root);

        var error = Assert.Throws<DataFileException>(() => DawnCalibrationFile.Read(path));

        Assert.Equal("/entry1/instrument/detector/distance@units", error.Item);
        Assert.Contains("'furlongs' is not a length unit", error.Cause);
    }

    [Fact]
    public void File_without_a_mask_dataset_names_the_missing_path()
    {
        var error = Assert.Throws<DataFileException>(() => DawnMaskFile.Read(TestFiles.Fixture("scan_none.nxs")));

        Assert.Equal("/entry/mask/mask", error.Item);
        Assert.Contains("has no member 'entry'", error.Cause);
    }
}
