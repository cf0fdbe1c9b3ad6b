using System.CommandLine;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Geometry;
using TomoSaxs.Integration;

namespace TomoSaxs.Cli.Commands;

/// <summary>
/// `tomosaxs integrate`: azimuthal integration of one detector frame with the library's sparse operators, in one of
/// three modes — I(q), the q × χ cake, or the band-mean I(χ) of pyFAI's <c>integrate_radial</c>.
/// </summary>
internal static class IntegrateCommand
{
    public static Command Create(TextWriter output)
    {
        var geometry = new Option<string>("--geometry") { Description = "Detector geometry: a pyFAI .poni file or a DAWN calibration .nxs file.", Required = true };
        var frameFile = new Option<string>("--frame") { Description = "HDF5/NeXus file holding the frame.", Required = true };
        var dataset = new Option<string?>("--dataset") { Description = "Frame dataset (default: the frames of an I22 scan)." };
        var index = new Option<string?>("--index") { Description = "Frame index in a stack, one number per leading dimension, e.g. 1,3 for [slice, position]." };
        var mask = new Option<string?>("--mask") { Description = "HDF5/NeXus file holding the mask (non-zero = excluded); default: no mask." };
        var maskDataset = new Option<string?>("--mask-dataset") { Description = "Mask dataset (default: entry/mask/mask, else /mask)." };
        var qBins = new Option<int?>("--q-bins") { Description = "I(q) mode: number of q bins." };
        var qRange = new Option<string?>("--q-range") { Description = "q range a,b (nm⁻¹) for I(q) or the cake (default: the data's range, as pyFAI)." };
        var cake = new Option<string?>("--cake") { Description = "Cake mode: NQ,NCHI bins." };
        var band = new Option<string?>("--band") { Description = "Band mode: q band a,b (nm⁻¹) averaged into I(χ)." };
        var chiRange = new Option<string?>("--chi-range") { Description = "χ range c1,c2 (degrees, in the chosen convention); required with --band." };
        var chiBins = new Option<int?>("--chi-bins") { Description = "Band mode: number of χ bins." };
        var radialBins = new Option<int>("--radial-bins") { Description = "Band mode: q bins inside the band before averaging (pyFAI npt_rad).", DefaultValueFactory = _ => 30 };
        var split = new Option<string>("--split") { Description = "Pixel splitting: bbox (bounding box) or none (histogram).", DefaultValueFactory = _ => "bbox" };
        split.AcceptOnlyFromAmong("bbox", "none");
        var convention = new Option<string>("--chi-convention") { Description = "χ convention: pyfai (atan2 of row over column offsets) or pipeline ((−χ_pyFAI) mod 360).", DefaultValueFactory = _ => "pyfai" };
        convention.AcceptOnlyFromAmong("pyfai", "pipeline");
        var outPath = new Option<string?>("--out") { Description = "Output file, .csv or .h5 (default: CSV on standard output)." };

        var command = new Command("integrate", "Integrate one detector frame: I(q), a q × χ cake, or a band-mean I(χ).");
        foreach (var option in new Option[] { geometry, frameFile, dataset, index, mask, maskDataset, qBins, qRange, cake, band, chiRange, chiBins, radialBins, split, convention, outPath })
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            var modes = (parse.GetValue(qBins) is not null ? 1 : 0) + (parse.GetValue(cake) is not null ? 1 : 0) + (parse.GetValue(band) is not null ? 1 : 0);
            if (modes != 1)
            {
                throw new UsageException("Give exactly one of --q-bins (I(q)), --cake NQ,NCHI or --band a,b (band-mean I(χ)).");
            }

            var poni = FrameSource.Geometry(parse.GetValue(geometry)!);
            var indexText = parse.GetValue(index);
            var (pixels, rows, cols) = FrameSource.Frame(parse.GetValue(frameFile)!, parse.GetValue(dataset),
                indexText is null ? [] : OptionParsing.Integers(indexText, "--index"));
            var maskFile = parse.GetValue(mask);
            var detectorMask = maskFile is null ? DetectorMask.AllValid(rows, cols) : FrameSource.Mask(maskFile, parse.GetValue(maskDataset), rows, cols);
            var map = PixelMap.Create(poni, rows, cols);
            var splitting = parse.GetValue(split) == "none" ? PixelSplitting.None : PixelSplitting.BoundingBox;
            var chiConvention = parse.GetValue(convention) == "pipeline" ? AzimuthConvention.Pipeline : AzimuthConvention.PyFai;
            var q = OptionalRange(parse.GetValue(qRange), "--q-range");
            var chi = OptionalRange(parse.GetValue(chiRange), "--chi-range");

            IntegrationTable table;
            if (parse.GetValue(qBins) is { } bins)
            {
                var profile = RadialProfileOperator.Build(map, detectorMask, new RadialProfileSpec(Positive(bins, "--q-bins"), splitting, q, chi, chiConvention));
                table = IntegrationTable.Profile("q_nm^-1", profile.QCentresNm, profile.Integrate<double>(pixels));
            }
            else if (parse.GetValue(cake) is { } cakeText)
            {
                var counts = OptionParsing.Integers(cakeText, "--cake");
                if (counts.Length != 2)
                {
                    throw new UsageException($"--cake '{cakeText}' must be two bin counts NQ,NCHI.");
                }

                var cakeOperator = CakeOperator.Build(map, detectorMask,
                    new CakeSpec(Positive(counts[0], "--cake"), Positive(counts[1], "--cake"), q, chi, chiConvention, Splitting: splitting));
                table = IntegrationTable.Cake(cakeOperator.QCentresNm, cakeOperator.ChiCentresDeg, cakeOperator.Integrate<double>(pixels));
            }
            else
            {
                var bandRange = OptionParsing.Range(parse.GetValue(band)!, "--band");
                var azimuthBins = parse.GetValue(chiBins) ?? throw new UsageException("--band needs --chi-bins N.");
                if (chi is null)
                {
                    throw new UsageException("--band needs --chi-range c1,c2.");
                }

                var bandOperator = AzimuthalBandOperator.Build(map, detectorMask, new AzimuthalBandSpec(
                    new ValueRange(bandRange.Low, bandRange.High), Positive(azimuthBins, "--chi-bins"), chi,
                    Positive(parse.GetValue(radialBins), "--radial-bins"), chiConvention, Splitting: splitting));
                table = IntegrationTable.Profile("chi_deg", bandOperator.ChiCentresDeg, bandOperator.Integrate<double>(pixels));
            }

            table.Write(parse.GetValue(outPath), output);
            return 0;
        });
        return command;
    }

    private static ValueRange? OptionalRange(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        var (low, high) = OptionParsing.Range(text, option);
        return new ValueRange(low, high);
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new UsageException($"{option} must be positive, not {value}.");
}
