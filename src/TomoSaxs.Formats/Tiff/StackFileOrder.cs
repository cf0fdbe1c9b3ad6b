using System.Globalization;
using System.Text.RegularExpressions;

namespace TomoSaxs.Formats.Tiff;

/// <summary>
/// Finds the slice files of a TIFF stack folder and orders them by the number in their names, numerically
/// (<c>slice_2</c> before <c>slice_10</c>), because Fiji and Avizo exports are not always zero-padded.
/// </summary>
internal static partial class StackFileOrder
{
    /// <summary>
    /// The <c>.tif</c>/<c>.tiff</c> files of <paramref name="folder"/> in z order. Sub-folders (such as Fiji's
    /// <c>rois</c>), other files and hidden dot files (temporary files, macOS <c>._</c> forks) are ignored. The
    /// slice number is the last run of digits in the name; numbers must be unique and consecutive.
    /// </summary>
    public static IReadOnlyList<string> List(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DataFileException(folder, null,
                File.Exists(folder) ? "expected a folder of TIFF slices, found a file." : "the folder does not exist.");
        }

        var numbered = new List<(long Number, string Path)>();
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || !IsTiffName(name))
            {
                continue;
            }

            var digits = LastDigits().Match(Path.GetFileNameWithoutExtension(name));
            if (!digits.Success)
            {
                throw new DataFileException(path, null,
                    "the file name has no slice number; stack slices are ordered by the last number in their names.");
            }

            if (!long.TryParse(digits.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw new DataFileException(path, null, $"the slice number '{digits.Value}' is too long.");
            }

            numbered.Add((number, path));
        }

        if (numbered.Count == 0)
        {
            throw new DataFileException(folder, null, "the folder holds no TIFF slices (*.tif, *.tiff).");
        }

        numbered.Sort((a, b) => a.Number != b.Number
            ? a.Number.CompareTo(b.Number)
            : string.CompareOrdinal(a.Path, b.Path));
        for (var i = 1; i < numbered.Count; i++)
        {
            var (previousNumber, previousPath) = numbered[i - 1];
            var (number, path) = numbered[i];
            if (number == previousNumber)
            {
                throw new DataFileException(folder, null,
                    $"'{Path.GetFileName(previousPath)}' and '{Path.GetFileName(path)}' have the same slice number {number}.");
            }

            if (number != previousNumber + 1)
            {
                var missing = number == previousNumber + 2
                    ? $"slice {previousNumber + 1} is missing"
                    : $"slices {previousNumber + 1}–{number - 1} are missing";
                throw new DataFileException(folder, null,
                    $"{missing}: the numbers jump from {previousNumber} ('{Path.GetFileName(previousPath)}') " +
                    $"to {number} ('{Path.GetFileName(path)}').");
            }
        }

        return numbered.ConvertAll(entry => entry.Path);
    }

    /// <summary>The file name for slice <paramref name="z"/>: prefix, number zero-padded to 4 digits, ".tif".</summary>
    public static string NameFor(string prefix, int z) => $"{prefix}{z.ToString("D4", CultureInfo.InvariantCulture)}.tif";

    private static bool IsTiffName(string name) =>
        name.EndsWith(".tif", StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith(".tiff", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[0-9]+(?=[^0-9]*$)", RegexOptions.CultureInvariant)]
    private static partial Regex LastDigits();
}
