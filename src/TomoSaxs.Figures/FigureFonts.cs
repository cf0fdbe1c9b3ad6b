using SkiaSharp;

namespace TomoSaxs.Figures;

/// <summary>
/// Chooses the font of all figure text. The SkiaSharp native library used here reads font files from
/// /usr/share/fonts (no fontconfig), and with no font there it draws no text at all; a figure without axis labels
/// would be misleading, so rendering then fails with a message naming the Debian package to install.
/// </summary>
internal static class FigureFonts
{
    /// <summary>Preferred families, first found wins; fonts-dejavu-core provides the first.</summary>
    private static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans"];

    private static readonly Lazy<string> Chosen = new(Choose);

    /// <summary>Sets ScottPlot's default font once; throws when the machine has no usable font.</summary>
    public static void Ensure() => ScottPlot.Fonts.Default = Chosen.Value;

    private static string Choose()
    {
        foreach (var family in Preferred)
        {
            using var typeface = SKFontManager.Default.MatchFamily(family);
            if (typeface is { GlyphCount: > 0 })
            {
                return typeface.FamilyName;
            }
        }

        var fallback = SKTypeface.Default;
        if (fallback.GlyphCount > 0 && !string.IsNullOrEmpty(fallback.FamilyName))
        {
            return fallback.FamilyName;
        }

        throw new InvalidOperationException(
            "No font was found under /usr/share/fonts, so figures would have no text. "
            + "Install one, e.g. apt-get install fonts-dejavu-core.");
    }
}
