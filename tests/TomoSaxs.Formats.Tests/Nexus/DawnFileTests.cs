using System.Text.Json;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Formats.Tests.Hdf5;

namespace TomoSaxs.Formats.Tests.Nexus;

/// <summary>DAWN mask and calibration files.</summary>
public sealed class DawnFileTests
{
    private static readonly JsonElement Expected = ExpectedValues.Load(TestFiles.Fixture("expected.json"));

    [Fact]
    public void Fixture_mask_excludes_the_expected_number_of_pixels()
    {
        var mask = DawnMask.Read(TestFiles.Fixture("mask.nxs"));

        Assert.Equal(64, mask.Rows);
        Assert.Equal(48, mask.Columns);
        Assert.Equal(Expected.GetProperty("mask_excluded_pixels").GetInt32(), mask.ExcludedCount);
        Assert.Equal(mask.ExcludedCount, mask.Excluded.Count(flag => flag));
    }

    [Fact]
    public void Boolean_mask_reads_true_as_excluded()
    {
        var expected = ExpectedValues.Load(TestFiles.NexusData("expected.json")).GetProperty("mask_bool.nxs");

        var mask = DawnMask.Read(TestFiles.NexusData("mask_bool.nxs"));

        Assert.Equal(ExpectedValues.Longs(expected.GetProperty("shape")), new long[] { mask.Rows, mask.Columns });
        Assert.Equal(expected.GetProperty("excluded_pixels").GetInt32(), mask.ExcludedCount);
        foreach (var pixel in expected.GetProperty("excluded").EnumerateArray())
        {
            Assert.True(mask.IsExcluded(pixel[0].GetInt32(), pixel[1].GetInt32()));
        }

        foreach (var pixel in expected.GetProperty("included").EnumerateArray())
        {
            Assert.False(mask.IsExcluded(pixel[0].GetInt32(), pixel[1].GetInt32()));
        }
    }

    [Fact]
    public void Fixture_calibration_converts_mm_and_angstrom_to_micrometres_and_nanometres()
    {
        var expected = Expected.GetProperty("calibration");

        var calibration = DawnCalibration.Read(TestFiles.Fixture("calibration.nxs"));

        Assert.Equal(expected.GetProperty("distance_mm").GetDouble() * 1000, calibration.DistanceUm, 6);
        Assert.Equal(expected.GetProperty("beam_center_x_mm").GetDouble() * 1000, calibration.BeamCentreXUm, 6);
        Assert.Equal(expected.GetProperty("beam_center_y_mm").GetDouble() * 1000, calibration.BeamCentreYUm, 6);
        Assert.Equal(expected.GetProperty("pixel_mm").GetDouble() * 1000, calibration.PixelSizeXUm, 9);
        Assert.Equal(expected.GetProperty("pixel_mm").GetDouble() * 1000, calibration.PixelSizeYUm, 9);
        Assert.Equal(expected.GetProperty("wavelength_angstrom").GetDouble() / 10, calibration.WavelengthNm, 12);
        // The integration note's reference values: centre (685.1, 949.1) px.
        Assert.Equal(685.1, calibration.BeamCentreXPixels, 9);
        Assert.Equal(949.1, calibration.BeamCentreYPixels, 9);
    }
}
