using System.CommandLine;
using TomoSaxs.FibreModel;

namespace TomoSaxs.Cli.Commands;

/// <summary>
/// `tomosaxs model point|ichi|iq`: evaluates the single-fibre model (reference amplitudes-and-reconstruction §2)
/// and writes CSV. χ here is the model's azimuth (χ_model = −χ_pyFAI), in degrees.
/// </summary>
internal static class ModelCommand
{
    private sealed class FibreOptions
    {
        public Option<double> Q0 { get; } = Required("--q0", "Reflection position q0 (nm⁻¹); the D-period is 6π/q0.");
        public Option<double> Wa { get; } = Required("--wa", "Radial width wa, the Lorentzian HWHM across the sphere (nm⁻¹).");
        public Option<double> WMu { get; } = Required("--wmu", "Angular width parameter wMu (radians).");
        public Option<double> Delta { get; } = Required("--delta", "Reflection curvature δ, 0 < δ < 1 (sphere radius q0/δ).");
        public Option<double> Alpha { get; } = Required("--alpha", "Fibre polar angle α from the vertical rotation axis (degrees).");
        public Option<double> Beta { get; } = Required("--beta", "Fibre azimuth β about the vertical axis (degrees).");
        public Option<double> Wavelength { get; } = new("--wavelength") { Description = "X-ray wavelength (nm).", DefaultValueFactory = _ => 0.08856 };
        public Option<double> Amplitude { get; } = new("--amp") { Description = "Fibre amplitude (profiles only).", DefaultValueFactory = _ => 1.0 };
        public Option<double> Weight { get; } = new("--weight") { Description = "Beam weight w of the fibre (profiles only).", DefaultValueFactory = _ => 1.0 };
        public Option<string?> Out { get; } = new("--out") { Description = "CSV file to write (default: standard output)." };

        public void AddTo(Command command, bool profile)
        {
            command.Add(Q0);
            command.Add(Wa);
            command.Add(WMu);
            command.Add(Delta);
            command.Add(Alpha);
            command.Add(Beta);
            command.Add(Wavelength);
            if (profile)
            {
                command.Add(Amplitude);
                command.Add(Weight);
            }

            command.Add(Out);
        }

        public FibreKernel Kernel(ParseResult parse)
        {
            var parameters = new FibreParameters(parse.GetValue(Q0), parse.GetValue(Wa), parse.GetValue(WMu), parse.GetValue(Delta));
            parameters.Validate();
            return new FibreKernel(parameters, new FibreOrientation(parse.GetValue(Alpha), parse.GetValue(Beta)));
        }
    }

    public static Command Create(TextWriter output)
    {
        var model = new Command("model", "Evaluate the single-fibre meridional-reflection model and write CSV.");
        model.Add(Point(output));
        model.Add(ChiProfile(output));
        model.Add(QProfile(output));
        return model;
    }

    private static Command Point(TextWriter output)
    {
        var fibre = new FibreOptions();
        var q = Required("--q", "Scattering vector magnitude q of the detector point (nm⁻¹).");
        var chi = Required("--chi", "Model azimuth χ of the detector point (degrees).");
        var command = new Command("point", "Intensity at one detector point (q, χ) on the Ewald sphere.");
        fibre.AddTo(command, profile: false);
        command.Add(q);
        command.Add(chi);
        command.SetAction(parse =>
        {
            var kernel = fibre.Kernel(parse);
            var wavelength = parse.GetValue(fibre.Wavelength);
            var qLab = EwaldSphere.Sample(parse.GetValue(q), parse.GetValue(chi), wavelength);
            CommandOutput.WriteCsv(parse.GetValue(fibre.Out), output,
                ["q_nm^-1", "chi_deg", "qlab_x", "qlab_y", "qlab_z", "intensity"],
                [[parse.GetValue(q)], [parse.GetValue(chi)], [qLab.X], [qLab.Y], [qLab.Z], [kernel.IntensityAtLab(qLab)]]);
            return 0;
        });
        return command;
    }

    private static Command ChiProfile(TextWriter output)
    {
        var fibre = new FibreOptions();
        var qRange = new Option<string>("--q-range") { Description = "q1,q2: the q grid is numpy.arange(q1, q2, (q2−q1)/nq) (nm⁻¹).", Required = true };
        var nq = new Option<int>("--nq") { Description = "Nominal number of q points.", DefaultValueFactory = _ => 30 };
        var chiRange = new Option<string>("--chi-range") { Description = "chi1,chi2: inclusive χ grid ends (degrees).", DefaultValueFactory = _ => "90,270" };
        var nchi = new Option<int>("--nchi") { Description = "Number of χ points (inclusive linspace).", DefaultValueFactory = _ => 180 };
        var command = new Command("ichi", "Azimuthal profile I(χ) = amp·w·mean over the q grid.");
        fibre.AddTo(command, profile: true);
        command.Add(qRange);
        command.Add(nq);
        command.Add(chiRange);
        command.Add(nchi);
        command.SetAction(parse =>
        {
            var kernel = fibre.Kernel(parse);
            var (q1, q2) = OptionParsing.Range(parse.GetValue(qRange)!, "--q-range");
            var (chi1, chi2) = OptionParsing.Range(parse.GetValue(chiRange)!, "--chi-range");
            var grid = EwaldGrid.ForChiProfile(q1, q2, Positive(parse.GetValue(nq), "--nq"), chi1, chi2,
                Positive(parse.GetValue(nchi), "--nchi"), parse.GetValue(fibre.Wavelength));
            var ichi = new double[grid.ChiCount];
            FibreProfiles.ChiProfile(grid, kernel, parse.GetValue(fibre.Amplitude), parse.GetValue(fibre.Weight), ichi);
            CommandOutput.WriteCsv(parse.GetValue(fibre.Out), output, ["chi_deg", "intensity"], [grid.ChiDeg.ToArray(), ichi]);
            return 0;
        });
        return command;
    }

    private static Command QProfile(TextWriter output)
    {
        var fibre = new FibreOptions();
        var qRange = new Option<string>("--q-range") { Description = "a,b: first and last q (nm⁻¹) of an inclusive grid.", Required = true };
        var qPoints = new Option<int>("--q-points") { Description = "Number of q points (inclusive linspace).", DefaultValueFactory = _ => 120 };
        var centre = Required("--chi-centre", "Sector centre χ_c (model azimuth, degrees).");
        var halfWidth = new Option<double>("--sector-half-width") { Description = "Sector half width (degrees).", DefaultValueFactory = _ => 3.0 };
        var samples = new Option<int>("--sector-samples") { Description = "χ samples across the sector (inclusive).", DefaultValueFactory = _ => 6 };
        var command = new Command("iq", "Sector profile I(q) = amp·w·mean over χ samples across χ_c ± half width.");
        fibre.AddTo(command, profile: true);
        command.Add(qRange);
        command.Add(qPoints);
        command.Add(centre);
        command.Add(halfWidth);
        command.Add(samples);
        command.SetAction(parse =>
        {
            var kernel = fibre.Kernel(parse);
            var (a, b) = OptionParsing.Range(parse.GetValue(qRange)!, "--q-range");
            var q = ProfileGrids.Linspace(a, b, Positive(parse.GetValue(qPoints), "--q-points"));
            var grid = EwaldGrid.ForSector(q, parse.GetValue(centre), parse.GetValue(fibre.Wavelength),
                parse.GetValue(halfWidth), Positive(parse.GetValue(samples), "--sector-samples"));
            var iq = new double[grid.QCount];
            FibreProfiles.SectorQProfile(grid, kernel, parse.GetValue(fibre.Amplitude), parse.GetValue(fibre.Weight), iq);
            CommandOutput.WriteCsv(parse.GetValue(fibre.Out), output, ["q_nm^-1", "intensity"], [q, iq]);
            return 0;
        });
        return command;
    }

    private static Option<double> Required(string name, string description) => new(name) { Description = description, Required = true };

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new UsageException($"{option} must be a positive whole number, not {value}.");
}
