namespace TomoSaxs.Pipeline;

/// <summary>A SLURM command failed in a way the build cannot work around (sbatch refused the job, scancel failed…).</summary>
public sealed class SlurmException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SlurmException(string message)
        : base(message)
    {
    }
}
