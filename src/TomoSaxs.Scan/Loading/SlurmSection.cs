namespace TomoSaxs.Scan;

/// <summary>Reads and checks the optional <c>slurm:</c> section of scan.yaml.</summary>
internal static class SlurmSection
{
    public static SlurmSettings? Read(YamlMappingReader? slurm)
    {
        if (slurm is null)
        {
            return SlurmSettings.None;
        }

        var problemsBefore = slurm.Context.Problems.Count;
        var partition = slurm.Text("partition", required: false);
        var time = Checked(slurm, "time", SlurmFormats.IsTime, SlurmFormats.ExpectedTime);
        var mem = Checked(slurm, "mem", SlurmFormats.IsMemory, SlurmFormats.ExpectedMemory);
        var cpus = slurm.Integer("cpus_per_task", required: false, NumericRange.AtLeast(1));
        var account = slurm.Text("account", required: false);
        var extraArgs = slurm.TextList("extra_args", required: false);
        slurm.ReportUnknownKeys();

        return slurm.Context.Problems.Count == problemsBefore
            ? new SlurmSettings(partition, time, mem, cpus, account, extraArgs ?? [])
            : null;
    }

    private static string? Checked(YamlMappingReader slurm, string key, Func<string, bool> isValid, string expected)
    {
        var text = slurm.Text(key, required: false);
        if (text is null || isValid(text))
        {
            return text?.Trim();
        }

        slurm.Context.Report(slurm.PathOf(key), $"expected {expected}, got '{text}'.", slurm.Peek(key));
        return null;
    }
}
