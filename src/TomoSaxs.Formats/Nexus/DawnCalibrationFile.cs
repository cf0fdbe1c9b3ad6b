using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Geometry;

namespace TomoSaxs.Formats.Nexus;

/// <summary>
/// Reads a DAWN calibration file (calibration.nxs / SAXS_calibration.nxs; integration note §1.3):
/// entry1/instrument/detector/{distance, beam_center_x, beam_center_y, x_pixel_size, y_pixel_size} and
/// entry1/calibration_sample/beam/incident_wavelength (when there is no entry1, the first top-level group is used
/// instead). The "units" attributes are honoured; without one,
/// lengths are taken as mm (DAWN's habit) and the wavelength as Å. A beam centre given in pixels is converted
/// with the pixel size.
/// </summary>
public static class DawnCalibrationFile
{
    /// <summary>The entry group DAWN writes.</summary>
    public const string Entry = "entry1";

    /// <summary>The detector group, relative to the entry.</summary>
    public const string DetectorGroup = "instrument/detector";

    /// <summary>The wavelength dataset, relative to the entry.</summary>
    public const string WavelengthPath = "calibration_sample/beam/incident_wavelength";

    /// <summary>Reads the calibration: distance and pixel sizes in µm, beam centre in pixels, wavelength in nm.</summary>
    /// <exception cref="DataFileException">A dataset is missing, not a single number, or has an unknown unit.</exception>
    public static DawnCalibration Read(string filePath)
    {
        using var file = Hdf5File.Open(filePath);
        var entry = file.IsGroup(Entry)
            ? Entry
            : file.Members("/").FirstOrDefault(member => member.Kind == Hdf5ObjectKind.Group)?.Name
              ?? throw new DataFileException(filePath, "/" + Entry, "does not exist, and the file has no other top-level group");
        var detector = $"{entry}/{DetectorGroup}";
        var pixelX = LengthUm(file, $"{detector}/x_pixel_size", pixelSizeUm: null);
        var pixelY = LengthUm(file, $"{detector}/y_pixel_size", pixelSizeUm: null);
        return new DawnCalibration(
            DistanceUm: LengthUm(file, $"{detector}/distance", pixelSizeUm: null),
            BeamCentreXPx: LengthUm(file, $"{detector}/beam_center_x", pixelX) / pixelX,
            BeamCentreYPx: LengthUm(file, $"{detector}/beam_center_y", pixelY) / pixelY,
            PixelXUm: pixelX,
            PixelYUm: pixelY,
            WavelengthNm: WavelengthNm(file, $"{entry}/{WavelengthPath}"));
    }

    private static double LengthUm(Hdf5File file, string path, double? pixelSizeUm)
    {
        var dataset = file.Dataset(path);
        var value = dataset.ReadScalar();
        var unit = dataset.Units;
        if (string.IsNullOrWhiteSpace(unit))
        {
            return value * 1000;
        }

        if (pixelSizeUm is { } pixel && unit.Trim().ToLowerInvariant() is "pixel" or "pixels" or "px")
        {
            return value * pixel;
        }

        var factor = NexusUnits.MicrometresPer(unit)
            ?? throw new DataFileException(file.FilePath, $"{dataset.Path}@units", $"'{unit}' is not a length unit this reader knows");
        return value * factor;
    }

    private static double WavelengthNm(Hdf5File file, string path)
    {
        var dataset = file.Dataset(path);
        var value = dataset.ReadScalar();
        var unit = dataset.Units;
        if (string.IsNullOrWhiteSpace(unit))
        {
            return value * 0.1;
        }

        var factor = NexusUnits.NanometresPer(unit)
            ?? throw new DataFileException(file.FilePath, $"{dataset.Path}@units", $"'{unit}' is not a length unit this reader knows");
        return value * factor;
    }
}
