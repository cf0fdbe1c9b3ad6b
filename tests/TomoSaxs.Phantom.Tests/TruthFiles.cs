using System.Text.Json;
using TomoSaxs.Formats.Csv;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.FibreModel;

namespace TomoSaxs.Phantom.Tests;

/// <summary>
/// The truth of a generated phantom read back from its files only (fibres.csv, beam_paths.h5, model.json,
/// registration.json), so the oracles of the tests depend on what the generator documents, not on its code.
/// </summary>
internal sealed class TruthFiles
{
    public TruthFiles(string folder)
    {
        var (headers, columns) = CsvTableReader.Read(Path.Combine(folder, "fibres.csv"));
        Fibres = headers.Select((name, c) => (name, c)).ToDictionary(p => p.name, p => columns[p.c]);
        using (var file = Hdf5File.Open(Path.Combine(folder, "beam_paths.h5")))
        {
            Angles = file.Dataset("angles_deg").Read<double>();
            Slices = checked((int)file.Dataset("slice_heights_um").ElementCount);
            Positions = checked((int)file.Dataset("lateral_um").ElementCount);
            Kapton = file.Dataset("paths/kapton_um").Read<double>();
            Buffer = file.Dataset("paths/buffer_um").Read<double>();
            Sample = file.Dataset("paths/sample_um").Read<double>();
            Transmission = file.Dataset("paths/transmission").Read<double>();
            Start = file.Dataset("crossings/start").Read<long>();
            FibreNumber = file.Dataset("crossings/fibre_number").Read<int>();
            FibreId = file.Dataset("crossings/fibre_id").Read<int>();
            Weight = file.Dataset("crossings/weight").Read<double>();
            AlphaDeg = file.Dataset("crossings/alpha_deg").Read<double>();
            BetaDeg = file.Dataset("crossings/beta_deg").Read<double>();
            MotorXMm = file.Dataset("motor_x_mm").Read<double>();
        }

        Model = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "model.json"))).RootElement.Clone();
        Registration = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "registration.json"))).RootElement.Clone();
    }

    public Dictionary<string, double[]> Fibres { get; }

    public double[] Angles { get; }

    public int Slices { get; }

    public int Positions { get; }

    public double[] Kapton { get; }

    public double[] Buffer { get; }

    public double[] Sample { get; }

    public double[] Transmission { get; }

    public long[] Start { get; }

    public int[] FibreNumber { get; }

    public int[] FibreId { get; }

    public double[] Weight { get; }

    public double[] AlphaDeg { get; }

    public double[] BetaDeg { get; }

    public double[] MotorXMm { get; }

    public JsonElement Model { get; }

    public JsonElement Registration { get; }

    public JsonElement Spec => Model.GetProperty("spec");

    public double Gain => Spec.GetProperty("Beam").GetProperty("Gain").GetDouble();

    public int Index(int angle, int slice, int position) => (angle * Slices + slice) * Positions + position;

    /// <summary>The crossings of one path: (fibre number, weight, α, lab β).</summary>
    public IEnumerable<(int Number, double Weight, double Alpha, double Beta)> Crossings(int path)
    {
        for (var k = Start[path]; k < Start[path + 1]; k++)
        {
            yield return (FibreNumber[k], Weight[k], AlphaDeg[k], BetaDeg[k]);
        }
    }

    /// <summary>The fibre-model kernel of fibre <paramref name="number"/> in lab orientation (α, β).</summary>
    public FibreKernel Kernel(int number, double alphaDeg, double betaDeg) =>
        new(new FibreParameters(Fibres["q0_nm"][number], Fibres["wa_nm"][number], Fibres["wmu_rad"][number], Fibres["delta"][number]),
            new FibreOrientation(alphaDeg, betaDeg));

    public double Amplitude(int number) => Fibres["amplitude"][number];

    public double Scattering(string material, string key) => Spec.GetProperty("Scattering").GetProperty(material).GetProperty(key).GetDouble();
}
