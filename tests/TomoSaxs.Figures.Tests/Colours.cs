using SkiaSharp;

namespace TomoSaxs.Figures.Tests;

/// <summary>Recognises the overlay colours of <see cref="FigureColours"/> in rendered pixels, full strength only.</summary>
internal static class Colours
{
    public static bool Red(SKColor c) => c.Red > 180 && c.Green < 90 && c.Blue < 90;

    public static bool Orange(SKColor c) => c.Red > 200 && c.Green is > 100 and < 180 && c.Blue < 60;

    public static bool Cyan(SKColor c) => c.Red < 90 && c.Green > 180 && c.Blue > 180;

    public static bool Magenta(SKColor c) => c.Red > 180 && c.Blue > 180 && c.Green < 90;

    public static bool Green(SKColor c) => c.Green > 130 && c.Red < 80 && c.Blue < 80;

    public static bool Dark(SKColor c) => c.Red < 80 && c.Green < 80 && c.Blue < 80;

    /// <summary>Close to <paramref name="expected"/> in every channel.</summary>
    public static Func<SKColor, bool> Near(ScottPlot.Color expected, int tolerance = 30) =>
        c => Math.Abs(c.Red - expected.R) <= tolerance && Math.Abs(c.Green - expected.G) <= tolerance && Math.Abs(c.Blue - expected.B) <= tolerance;
}
