namespace TomoSaxs.Pipeline;

/// <summary>
/// Runs the SLURM client programs (sbatch, squeue, scontrol, sacct, scancel, sinfo). The executor talks to SLURM only
/// through this, so its logic is tested with a scripted fake and used for real with <see cref="ProcessCommandRunner"/>.
/// </summary>
public interface ICommandRunner
{
    /// <summary>The full path of <paramref name="program"/> as the shell would find it on PATH, or null.</summary>
    string? Locate(string program);

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> to the end.</summary>
    /// <exception cref="InvalidOperationException">The program could not be started or did not finish in time.</exception>
    CommandResult Run(string program, IReadOnlyList<string> arguments);
}
