using System.Globalization;
using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline.TestStages;

/// <summary>
/// The test graph's per-slice stage: writes <c>slices/NN/stripe.txt</c>, one line per χ bin of the integrate
/// parameters, each value derived from the seed file, the slice and the bin. The lines are written one by one into
/// the temporary file with progress after each, so a test can kill the build while a slice is half written.
/// </summary>
public static class StripeStage
{
    /// <summary>The parameter sections the stage reads (its PipelineStage Parameters metadata).</summary>
    public const string ParameterSection = IntegrateParameters.StageName;

    /// <summary>Milliseconds to wait after each line, so that tests can watch a slice in progress; 0 when unset.</summary>
    public const string DelayVariable = "TOMOSAXS_TEST_STRIPE_DELAY_MS";

    /// <summary>
    /// A slice number that fails on purpose (before writing anything), so that tests can watch a failing slice, e.g.
    /// in a SLURM job array; unset for none. A switch of the test stage only: product stages have no such thing.
    /// </summary>
    public const string FailSliceVariable = "TOMOSAXS_TEST_STRIPE_FAIL_SLICE";

    /// <summary>Writes slice <see cref="StageRun.Slice"/>'s stripe from <paramref name="seedFile"/>.</summary>
    public static void Run(StageRun run, string seedFile, string output)
    {
        var slice = run.Slice ?? throw new InvalidOperationException("Stripe runs per slice.");
        if (Environment.GetEnvironmentVariable(FailSliceVariable) == slice.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"slice {slice} fails on purpose ({FailSliceVariable}={slice}).");
        }

        var parameters = IntegrateParameters.From(run.Scan.Definition.Stages);
        var seed = SeedStage.ReadSeed(seedFile);
        var delay = int.TryParse(Environment.GetEnvironmentVariable(DelayVariable), out var ms) ? ms : 0;
        var progress = run.StartProgress("bins", parameters.ChiBins);
        run.WriteOutput(output, [seedFile], temporary =>
        {
            using var writer = new StreamWriter(temporary);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slice {slice} chi_bins {parameters.ChiBins} q0_nm {parameters.Q0Nm:R}"));
            for (var bin = 0; bin < parameters.ChiBins; bin++)
            {
                writer.WriteLine(Value(seed, slice, bin, parameters.Q0Nm).ToString("R", CultureInfo.InvariantCulture));
                writer.Flush();
                if (delay > 0)
                {
                    Thread.Sleep(delay);
                }

                progress.Advance();
            }
        });
        progress.Complete();
    }

    /// <summary>The value of one bin.</summary>
    public static double Value(double seed, int slice, int bin, double q0Nm) => (seed + 1000 * slice + bin) * q0Nm;
}
