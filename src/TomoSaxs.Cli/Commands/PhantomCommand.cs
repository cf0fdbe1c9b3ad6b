using System.CommandLine;
using System.Diagnostics;
using TomoSaxs.Phantom;

namespace TomoSaxs.Cli.Commands;

/// <summary>
/// `tomosaxs phantom --preset example|bench --out DIR [--seed N] [--noise-free] [--threads N]`: writes the preset's
/// scan.yaml into DIR (raw paths re-rooted to DIR/raw), generates the raw scan and DIR/truth, and reports progress
/// with rate and ETA on standard error.
/// </summary>
internal static class PhantomCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var preset = new Option<string>("--preset") { Description = "Which synthetic scan: example (small, CI) or bench (Pilatus 2M frames).", Required = true };
        preset.AcceptOnlyFromAmong([.. PhantomPresets.Names]);
        var outFolder = new Option<string>("--out") { Description = "Folder to write scan.yaml, raw/ and truth/ into.", Required = true };
        var seed = new Option<int?>("--seed") { Description = "Seed of every random draw (default: the preset's)." };
        var noiseFree = new Option<bool>("--noise-free") { Description = "Write the expected counts (rounded) instead of Poisson draws." };
        var threads = new Option<int?>("--threads") { Description = "Threads to use (default: all cores); the data do not depend on it." };
        var command = new Command("phantom", "Generate a synthetic scan (raw files in the real formats plus its truth) from a preset.");
        foreach (var option in new Option[] { preset, outFolder, seed, noiseFree, threads })
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            if (parse.GetValue(seed) is < 0)
            {
                throw new UsageException("--seed must be a non-negative whole number.");
            }

            if (parse.GetValue(threads) is < 1)
            {
                throw new UsageException("--threads must be at least 1.");
            }

            var folder = Path.GetFullPath(parse.GetValue(outFolder)!);
            var clock = Stopwatch.StartNew();
            var scanYaml = PhantomPresets.WriteScanFolder(parse.GetValue(preset)!, folder, parse.GetValue(seed), parse.GetValue(noiseFree) ? false : null);
            var definition = PhantomDefinition.Load(scanYaml);
            var plan = PhantomScan.Plan(definition);
            error.WriteLine($"phantom: {plan.Fibres.Count} fibres, {plan.AnglesDeg.Count} angles × {plan.Slices} slices × {plan.Positions} positions " +
                            $"of {plan.Spec.Detector.Rows} × {plan.Spec.Detector.Columns} px frames (planned in {clock.Elapsed.TotalSeconds:F1} s)");
            var parts = Path.Combine(folder, "parts");
            var options = new PhantomRunOptions(parse.GetValue(threads));
            PhantomScan.Generate(plan, Path.Combine(folder, "truth"), parts, new ProgressPrinter(error), options);
            Directory.Delete(parts, recursive: true);
            var bytes = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
            output.WriteLine($"wrote {scanYaml}, raw/ and truth/ ({bytes / 1e6:F1} MB) in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }

    /// <summary>Prints each step's progress on standard error at most twice a second, with rate and ETA.</summary>
    private sealed class ProgressPrinter(TextWriter error) : IProgress<PhantomProgress>
    {
        private readonly Lock gate = new();
        private readonly Stopwatch sinceStepStart = new();
        private string? step;
        private int? slice;
        private TimeSpan lastPrint;

        public void Report(PhantomProgress value)
        {
            lock (gate)
            {
                if (value.Step != step || value.Slice != slice)
                {
                    (step, slice, lastPrint) = (value.Step, value.Slice, TimeSpan.Zero);
                    sinceStepStart.Restart();
                }

                var elapsed = sinceStepStart.Elapsed;
                if (value.Done < value.Total && elapsed - lastPrint < TimeSpan.FromSeconds(0.5))
                {
                    return;
                }

                lastPrint = elapsed;
                var rate = value.Done / Math.Max(elapsed.TotalSeconds, 1e-3);
                var eta = rate > 0 ? (value.Total - value.Done) / rate : 0;
                var where = value.Slice is { } s ? $"{value.Step} slice {s}" : value.Step;
                error.WriteLine($"phantom: {where}: {value.Done}/{value.Total} ({100 * value.Fraction:F0}%), {rate:F1}/s, ETA {eta:F0} s");
            }
        }
    }
}
