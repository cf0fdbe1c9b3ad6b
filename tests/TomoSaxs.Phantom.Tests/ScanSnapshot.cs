using System.Collections;
using System.Globalization;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Xlsx;

namespace TomoSaxs.Phantom.Tests;

/// <summary>
/// Compares two generated scans file by file: every HDF5 dataset's shape, type and values and every attribute;
/// TIFF slices byte for byte; vox_padding.xlsx by its rows (the workbook zip records a save time); text files
/// (CSV, JSON, YAML) exactly. Part files are included when present.
/// </summary>
internal static class ScanSnapshot
{
    public static void AssertSame(string expectedFolder, string actualFolder)
    {
        var expected = Files(expectedFolder);
        var actual = Files(actualFolder);
        Assert.Equal(expected, actual);
        foreach (var relative in expected)
        {
            var (a, b) = (Path.Combine(expectedFolder, relative), Path.Combine(actualFolder, relative));
            switch (Path.GetExtension(relative))
            {
                case ".h5" or ".nxs":
                    Assert.Equal(Hdf5Contents(a), Hdf5Contents(b));
                    break;
                case ".xlsx":
                    Assert.Equal(VoxelPaddingReader.Read(a).Rows, VoxelPaddingReader.Read(b).Rows);
                    break;
                case ".yaml":
                    break; // each scan.yaml names its own folder's files
                default:
                    Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)), $"{relative} differs");
                    break;
            }
        }
    }

    /// <summary>Every object of an HDF5 file as "path: description" lines, values included.</summary>
    public static List<string> Hdf5Contents(string path)
    {
        using var file = Hdf5File.Open(path);
        var lines = new List<string>();
        Walk(file, "/", lines);
        return lines;
    }

    private static void Walk(Hdf5File file, string group, List<string> lines)
    {
        lines.AddRange(file.Attributes(group).Select(a => $"{group}@{a.Name} = {Show(a.Value)}"));
        foreach (var member in file.Members(group))
        {
            if (member.Kind == Hdf5ObjectKind.Group)
            {
                Walk(file, member.Path, lines);
                continue;
            }

            var dataset = file.Dataset(member.Path);
            var values = dataset.ElementType == Hdf5ElementType.String
                ? string.Join("|", dataset.ReadStrings())
                : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                    dataset.Read<double>().SelectMany(BitConverter.GetBytes).ToArray()));
            lines.Add($"{member.Path}: {dataset.TypeDescription} [{string.Join(",", dataset.Shape)}] {values}");
            lines.AddRange(dataset.Attributes().Select(a => $"{member.Path}@{a.Name} = {Show(a.Value)}"));
        }
    }

    private static string Show(object value) => value is IEnumerable items and not string
        ? string.Join(",", items.Cast<object>().Select(item => Convert.ToString(item, CultureInfo.InvariantCulture)))
        : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];
}
