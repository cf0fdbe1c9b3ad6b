using System.Globalization;

namespace TomoSaxs.Pipeline.TestStages;

/// <summary>
/// The test graph's second per-slice stage, downstream of <see cref="StripeStage"/>: writes
/// <c>slices/NN/tally.txt</c> with the count and sum of the slice's stripe values. It reads no parameters, so its
/// parameter stamp is <c>{}</c>.
/// </summary>
public static class TallyStage
{
    /// <summary>Writes slice <see cref="StageRun.Slice"/>'s tally of <paramref name="stripeFile"/>.</summary>
    public static void Run(StageRun run, string stripeFile, string output)
    {
        var values = File.ReadLines(stripeFile).Skip(1).Select(line => double.Parse(line, CultureInfo.InvariantCulture)).ToList();
        run.WriteOutput(output, [stripeFile], temporary => File.WriteAllText(temporary,
            string.Create(CultureInfo.InvariantCulture, $"slice {run.Slice} count {values.Count} sum {values.Sum():R}\n")));
    }
}
