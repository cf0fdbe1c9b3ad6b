using TomoSaxs.Calibrate.Output;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Scan;

namespace TomoSaxs.Register.Stage;

/// <summary>Reads the raw inputs of Register named by a scan definition: the WAXS map and every angle's frame
/// sums and motor positions (only the small datasets; no detector frame is read).</summary>
public static class RegistrationInputFiles
{
    /// <summary>One angle's raster from its NeXus file.</summary>
    /// <exception cref="DataFileException">The file is unreadable, or records no y position per slice.</exception>
    public static SaxsRaster ReadSaxs(string path)
    {
        using var scan = I22Scan.Open(path);
        var sums = scan.ReadFrameSums();
        var frameSums = new double[sums.Slices, sums.Positions];
        for (var j = 0; j < sums.Slices; j++)
        {
            for (var i = 0; i < sums.Positions; i++)
            {
                frameSums[j, i] = sums[j, i];
            }
        }

        var y = scan.ReadYPositionsUm()
            ?? throw new DataFileException(path, scan.Layout.YPositions[0], "does not exist: Register needs the motor y of every slice to place it in the CT");
        return new SaxsRaster(path, frameSums, scan.ReadXPositionsUm(), y);
    }

    /// <summary>The input of <see cref="Registration.Compute"/> for <paramref name="definition"/>, with the
    /// calibration opened by the caller (it owns <paramref name="calibration"/>'s lifetime).</summary>
    public static RegistrationInput Read(ScanDefinition definition, CalibrationFileReader calibration) =>
        Read(definition, calibration.Result, calibration);

    /// <summary>The input with a calibration held elsewhere (e.g. in memory).</summary>
    public static RegistrationInput Read(ScanDefinition definition, CalibrationResult result, ICalibratedVolumes volumes)
    {
        var raw = definition.Raw;
        return new RegistrationInput
        {
            Calibration = result,
            Volumes = volumes,
            WaxsMap = WaxsMapFile.Read(raw.WaxsMap),
            WaxsSource = raw.WaxsMap,
            AnglesDeg = [.. raw.Saxs.AnglesDeg],
            Rasters = [.. raw.Saxs.Files.Select(ReadSaxs)],
            Geometry = definition.Geometry,
            Parameters = RegisterParameters.From(definition.Stages),
        };
    }
}
