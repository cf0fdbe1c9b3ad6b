namespace TomoSaxs.Pipeline;

/// <summary>
/// The <c>--set</c> overrides as they reach MSBuild: build.sh joins every <c>stage.param=value</c> with
/// <see cref="Separator"/> into the one property <c>Set</c> (MSBuild has already decoded the <c>%3B</c>, <c>%2C</c>
/// and <c>%25</c> escapes by the time a task sees it). A value therefore cannot itself contain the separator.
/// </summary>
public static class OverrideList
{
    /// <summary>The character that separates overrides in the <c>Set</c> property.</summary>
    public const char Separator = '|';

    /// <summary>
    /// Splits <paramref name="joined"/> into the individual overrides in command-line order (later ones win in the
    /// loader). Null or blank gives none; empty pieces (a trailing separator) are dropped, everything else is
    /// passed on untouched so that the loader reports a malformed override in its own words.
    /// </summary>
    public static IReadOnlyList<string> Parse(string? joined) =>
        string.IsNullOrWhiteSpace(joined)
            ? []
            : joined.Split(Separator).Where(piece => piece.Trim().Length > 0).ToList();

    /// <summary>The inverse of <see cref="Parse"/>, for callers that build the property themselves.</summary>
    /// <exception cref="ArgumentException">An override contains the separator.</exception>
    public static string Join(IEnumerable<string> overrides)
    {
        var list = overrides.ToList();
        if (list.FirstOrDefault(o => o.Contains(Separator, StringComparison.Ordinal)) is { } bad)
        {
            throw new ArgumentException($"The override '{bad}' contains '{Separator}', which separates overrides.", nameof(overrides));
        }

        return string.Join(Separator, list);
    }
}
