using TomoSaxs.Calibrate.Output;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Scan;

namespace TomoSaxs.Register.Stage;

/// <summary>Reads the raw inputs of Register named by a scan definition: the WAXS map and every angle's frame
/// sums and motor positions (only the small datasets; no detector frame is read).</summary>
public static class RegistrationInputFiles
{
    /// <summary>One angle's raster from its NeXus file: the frame sums divided by each frame's transmitted flux (the
    /// beam-stop diode, I0·T) and multiplied by the file's mean transmitted flux, in counts. The incident flux's
    /// fluctuation and the sample's attenuation then no longer shape the Kapton wall profile, which becomes linear in
    /// the Kapton and buffer chords (<see cref="Horizontal.KaptonProfileModel"/>).</summary>
    /// <exception cref="DataFileException">The file is unreadable, records no y position per slice, no transmitted
    /// flux, or a non-positive one.</exception>
    public static SaxsRaster ReadSaxs(string path)
    {
        using var scan = I22Scan.Open(path);
        var sums = scan.ReadFrameSums();
        var flux = scan.ReadTransmittedFlux();
        var meanFlux = 0.0;
        for (var j = 0; j < sums.Slices; j++)
        {
            for (var i = 0; i < sums.Positions; i++)
            {
                meanFlux += flux[j, i] / (sums.Slices * sums.Positions);
            }
        }

        var frameSums = new double[sums.Slices, sums.Positions];
        for (var j = 0; j < sums.Slices; j++)
        {
            for (var i = 0; i < sums.Positions; i++)
            {
                if (!(flux[j, i] > 0))
                {
                    throw new DataFileException(path, scan.Layout.TransmittedFlux, $"reads a transmitted flux of {flux[j, i]} at slice {j}, position {i}: the frame sums cannot be normalised");
                }

                frameSums[j, i] = sums[j, i] * meanFlux / flux[j, i];
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
