using System.CommandLine;
using TomoSaxs.Cli.Commands;
using TomoSaxs.Formats;

namespace TomoSaxs.Cli;

/// <summary>The `tomosaxs` command tree. Tests call <see cref="Run"/> directly with captured writers.</summary>
public static class TomoSaxsCommandLine
{
    /// <summary>Builds the root command with every sub-command; progress goes to <paramref name="error"/> (standard error when null).</summary>
    public static RootCommand Build(TextWriter output, TextWriter? error = null)
    {
        var root = new RootCommand("TomoSAXS tools: inspect scientific files, integrate detector frames, evaluate the fibre model, generate phantoms.");
        root.Add(InspectCommand.Create(output));
        root.Add(IntegrateCommand.Create(output));
        root.Add(ModelCommand.Create(output));
        root.Add(PhantomCommand.Create(output, error ?? Console.Error));
        return root;
    }

    /// <summary>Parses and runs one command line; returns the process exit code (0 success, 1 failure, 2 usage).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Build(output, error).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"tomosaxs: {problem.Message}");
            }

            error.WriteLine("Run 'tomosaxs --help' for usage.");
            return 2;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception failure) when (failure is DataFileException or UsageException or IOException or ArgumentException or InvalidOperationException or TomoSaxs.Scan.ScanDefinitionException)
        {
            error.WriteLine($"tomosaxs: {failure.Message}");
            return failure is UsageException ? 2 : 1;
        }
    }
}
