using System.Globalization;
using System.Text;

namespace TomoSaxs.Pipeline;

/// <summary>
/// The slices a build works on: all of the scan's slices, or a list such as <c>0-3,7</c> from <c>--slices</c>,
/// checked against the scan's slice count. Slices are numbered from 0; the list is kept sorted and without repeats.
/// </summary>
public sealed class SliceSelection
{
    private SliceSelection(IReadOnlyList<int> slices, int sliceCount)
    {
        Slices = slices;
        SliceCount = sliceCount;
    }

    /// <summary>The selected slices, ascending, each once.</summary>
    public IReadOnlyList<int> Slices { get; }

    /// <summary>The number of slices the scan has.</summary>
    public int SliceCount { get; }

    /// <summary>True when every slice of the scan is selected.</summary>
    public bool IsAll => Slices.Count == SliceCount;

    /// <summary>Every slice of a scan with <paramref name="sliceCount"/> slices.</summary>
    public static SliceSelection All(int sliceCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sliceCount);
        return new SliceSelection(Enumerable.Range(0, sliceCount).ToList(), sliceCount);
    }

    /// <summary>
    /// Parses <paramref name="text"/> (comma-separated slices and inclusive ranges, e.g. <c>0-3,7</c>); null or
    /// blank selects every slice.
    /// </summary>
    /// <returns>The selection, or null with <paramref name="problem"/> saying what is wrong and what was expected.</returns>
    public static SliceSelection? TryParse(string? text, int sliceCount, out string? problem)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sliceCount);
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return All(sliceCount);
        }

        var chosen = new SortedSet<int>();
        foreach (var piece in text.Split(','))
        {
            var part = piece.Trim();
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var (firstText, lastText) = dash > 0 ? (part[..dash], part[(dash + 1)..]) : (part, part);
            if (!TryNumber(firstText, out var first) || !TryNumber(lastText, out var last))
            {
                problem = $"'{part}' in '{text}' is not a slice or a range; expected a list such as 0-3,7.";
                return null;
            }

            if (last < first)
            {
                problem = $"the range {part} runs backwards; write it as {last}-{first}.";
                return null;
            }

            if (last >= sliceCount)
            {
                var outside = Math.Max(first, sliceCount);
                problem = $"slice {outside} is out of range: the scan has {sliceCount} slice{(sliceCount == 1 ? "" : "s")} " +
                          $"(0{(sliceCount > 1 ? $"–{sliceCount - 1}" : "")}).";
                return null;
            }

            for (var slice = first; slice <= last; slice++)
            {
                chosen.Add(slice);
            }
        }

        return new SliceSelection(chosen.ToList(), sliceCount);
    }

    /// <summary>Only <paramref name="slice"/>, which must lie in the scan.</summary>
    public static SliceSelection? TryOne(int slice, int sliceCount, out string? problem) =>
        TryParse(slice.ToString(CultureInfo.InvariantCulture), sliceCount, out problem);

    /// <summary>The compact form, e.g. <c>0-3,7</c>, as <c>--slices</c> would take it.</summary>
    public override string ToString() => Compact(Slices);

    /// <summary>Any ascending list of slices in compact form, e.g. <c>0-3,7</c>.</summary>
    public static string Compact(IEnumerable<int> ascending)
    {
        var slices = ascending.ToList();
        var text = new StringBuilder();
        for (var i = 0; i < slices.Count; i++)
        {
            var start = slices[i];
            while (i + 1 < slices.Count && slices[i + 1] == slices[i] + 1)
            {
                i++;
            }

            text.Append(text.Length > 0 ? "," : "").Append(start.ToString(CultureInfo.InvariantCulture));
            if (slices[i] != start)
            {
                text.Append('-').Append(slices[i].ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
