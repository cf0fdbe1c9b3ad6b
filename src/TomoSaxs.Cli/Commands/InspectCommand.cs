using System.CommandLine;
using TomoSaxs.Formats.Nexus;

namespace TomoSaxs.Cli.Commands;

/// <summary>`tomosaxs inspect FILE [--json]`: the HDF5 tree (shapes, types, filters, links, attributes) and, for an I22 scan, the resolved fields.</summary>
internal static class InspectCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<string>("file") { Description = "An HDF5/NeXus file." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("inspect", "Show the groups and datasets of an HDF5/NeXus file and, for an I22 scan, what the reader resolves.");
        command.Add(file);
        command.Add(json);
        command.SetAction(parse =>
        {
            var report = NexusInspector.Inspect(parse.GetValue(file)!);
            output.WriteLine(parse.GetValue(json) ? InspectionJson.Serialize(report) : InspectionText.Format(report));
            return 0;
        });
        return command;
    }
}
