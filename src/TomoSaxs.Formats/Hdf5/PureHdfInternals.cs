using System.Collections;
using System.Reflection;
using PureHDF.VOL.Native;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// The few places where this library reaches into PureHDF 2.2.0's non-public members, all in one file so that a
/// PureHDF upgrade breaks here, loudly, and nowhere else (the tests exercise every member). PureHDF's public API
/// does not expose a dataset's filter pipeline or a group's link messages, and it trusts a stale symbol-table
/// cache (see <see cref="ForgetCachedSymbolTable"/>).
/// </summary>
internal static class PureHdfInternals
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly PropertyInfo FilterPipelineProperty = Property(typeof(NativeDataset), "InternalFilterPipeline");
    private static readonly PropertyInfo HeaderProperty = Property(typeof(NativeObject), "Header");
    private static readonly FieldInfo ScratchPadField = typeof(NativeGroup).GetField("_scratchPad", Instance)
        ?? throw Missing("NativeGroup._scratchPad");

    /// <summary>The filter pipeline of a dataset, in the order the writer applied the filters.</summary>
    public static IReadOnlyList<Hdf5FilterDescription> FilterPipeline(NativeDataset dataset)
    {
        var pipeline = FilterPipelineProperty.GetValue(dataset);
        if (pipeline is null)
        {
            return [];
        }

        var descriptions = (IEnumerable)(Value(pipeline, "FilterDescriptions") ?? throw Missing("FilterPipelineMessage.FilterDescriptions"));
        var result = new List<Hdf5FilterDescription>();
        foreach (var description in descriptions)
        {
            var id = (ushort)Value(description, "Identifier")!;
            var storedName = (string?)Value(description, "Name");
            var flags = Convert.ToUInt16(Value(description, "Flags"), System.Globalization.CultureInfo.InvariantCulture);
            var parameters = (uint[]?)Value(description, "ClientData") ?? [];
            var stored = string.IsNullOrWhiteSpace(storedName) ? null : storedName;
            var name = Hdf5Filters.KnownName(id) ?? stored ?? $"filter {id}";
            result.Add(new Hdf5FilterDescription(id, name, stored, parameters, IsOptional: (flags & 1) != 0, Hdf5Filters.CanDecode(id)));
        }

        return result;
    }

    /// <summary>
    /// Drops the symbol-table scratch pad PureHDF copied from the parent's entry, so lookups use the group's own
    /// object header. libhdf5 converts a group to the new link format when, for example, an external link is
    /// added, but leaves the parent's cached B-tree/heap addresses in place; PureHDF 2.2.0 trusts that stale
    /// cache and then sees no members at all (the shared fixture scan_external.nxs is such a file). libhdf5
    /// itself always reads the object header, so doing the same is safe for every group.
    /// </summary>
    public static void ForgetCachedSymbolTable(NativeGroup group) => ScratchPadField.SetValue(group, null);

    /// <summary>The soft and external links stored as link messages in a group's object header, by name.</summary>
    /// <remarks>
    /// Groups in the compact new format keep their links there; old-style (symbol table) groups hold only hard
    /// links and soft links, and dense groups keep links in a fractal heap this method does not read, so for
    /// those the result may be incomplete and callers treat unlisted members as hard links.
    /// </remarks>
    public static IReadOnlyDictionary<string, Hdf5LinkTarget> SymbolicLinks(NativeGroup group)
    {
        var links = new Dictionary<string, Hdf5LinkTarget>(StringComparer.Ordinal);
        var header = HeaderProperty.GetValue(group) ?? throw Missing("NativeObject.Header");
        var messages = (IEnumerable)(Value(header, "HeaderMessages") ?? throw Missing("ObjectHeader.HeaderMessages"));
        foreach (var message in messages)
        {
            var data = Value(message, "Data");
            if (data is null || data.GetType().Name != "LinkMessage")
            {
                continue;
            }

            var name = (string)Value(data, "LinkName")!;
            var info = Value(data, "LinkInfo");
            switch (info?.GetType().Name)
            {
                case "ExternalLinkInfo":
                    links[name] = new Hdf5LinkTarget(Hdf5LinkKind.External, (string?)Value(info, "FilePath"), (string)Value(info, "FullObjectPath")!);
                    break;
                case "SoftLinkInfo":
                    links[name] = new Hdf5LinkTarget(Hdf5LinkKind.Soft, null, (string)Value(info, "Value")!);
                    break;
            }
        }

        return links;
    }

    private static PropertyInfo Property(Type type, string name) =>
        type.GetProperty(name, Instance) ?? throw Missing($"{type.Name}.{name}");

    private static object? Value(object target, string propertyName) =>
        (target.GetType().GetProperty(propertyName, Instance) ?? throw Missing($"{target.GetType().Name}.{propertyName}"))
        .GetValue(target);

    private static InvalidOperationException Missing(string member) =>
        new($"PureHDF no longer has the member {member} that TomoSaxs.Formats relies on (written against PureHDF 2.2.0); " +
            "update PureHdfInternals for the new version.");
}
