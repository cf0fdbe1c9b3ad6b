using System.Globalization;
using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline.TestStages;

/// <summary>
/// The test graph's scan-level stage: writes <c>seed/seed.txt</c>, a number derived from the register stage's
/// parameters (borrowed because scan.yaml only accepts the catalog's stages), which Stripe reads.
/// </summary>
public static class SeedStage
{
    /// <summary>The parameter sections the stage reads (its PipelineStage Parameters metadata).</summary>
    public const string ParameterSection = RegisterParameters.StageName;

    /// <summary>Writes the seed file for <paramref name="run"/>'s scan.</summary>
    public static void Run(StageRun run, string output)
    {
        var offset = RegisterParameters.From(run.Scan.Definition.Stages).VerticalOffsetUm;
        var seed = offset.NumberOrNull ?? 0;
        run.WriteOutput(output, [], temporary => File.WriteAllText(temporary,
            string.Create(CultureInfo.InvariantCulture, $"scan {run.Scan.Definition.Name}\nseed {seed:R}\n")));
    }

    /// <summary>The seed number in a file written by <see cref="Run"/>.</summary>
    public static double ReadSeed(string file)
    {
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("seed ", StringComparison.Ordinal))
                   ?? throw new InvalidDataException($"{file} has no 'seed' line.");
        return double.Parse(line["seed ".Length..], CultureInfo.InvariantCulture);
    }
}
