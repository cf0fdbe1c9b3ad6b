namespace TomoSaxs.Pipeline;

/// <summary>
/// What must hold before a build hands slices to SLURM, checked before anything is written: the client programs are
/// on PATH, the partition exists, and no option would break the job script. (Time and memory formats are checked where they are read: scan.yaml by the
/// loader, the command line by <see cref="SlurmOptions.FromCommandLine"/>.)
/// </summary>
public static class SlurmPreflight
{
    /// <summary>Every problem found, one clear message each; empty when the build can submit.</summary>
    public static IReadOnlyList<string> Check(ICommandRunner runner, Scan.SlurmSettings settings)
    {
        // Each option becomes one #SBATCH line of the job script; a line break would end it and start a command.
        if (SlurmOptions.SbatchArguments(settings).FirstOrDefault(option => option.Any(char.IsControl)) is { } broken)
        {
            return [$"The sbatch option '{broken.ReplaceLineEndings(" ")}' holds a line break or another control character, which a job script cannot hold."];
        }

        var missing = SlurmClient.RequiredPrograms.Where(program => runner.Locate(program) is null).ToList();
        if (missing.Count > 0)
        {
            return
            [
                $"--executor slurm needs the SLURM client programs, but {string.Join(", ", missing)} " +
                $"{(missing.Count == 1 ? "is" : "are")} not on PATH. Run the build on a cluster login node, after loading " +
                "SLURM's environment module if the cluster uses one (e.g. module load slurm).",
            ];
        }

        if (settings.Partition is not { } partition)
        {
            return [];
        }

        var client = new SlurmClient(runner);
        var (exists, error) = client.PartitionExists(partition);
        if (exists)
        {
            return [];
        }

        if (error is not null)
        {
            return [$"Could not check the SLURM partition '{partition}': scontrol show partition said: {error}"];
        }

        var known = client.Partitions();
        return
        [
            $"The SLURM partition '{partition}' does not exist on this cluster" +
            (known.Count > 0 ? $"; its partitions are: {string.Join(", ", known)}." : ".") +
            " Set slurm.partition in scan.yaml or give --partition.",
        ];
    }
}
