using SkiaSharp;

namespace TomoSaxs.Figures.Tests;

/// <summary>A rendered figure decoded back from PNG, with helpers to find pixels of a colour.</summary>
internal sealed class RenderedImage : IDisposable
{
    private readonly SKBitmap _bitmap;
    private readonly SKColor[] _pixels;

    private RenderedImage(SKBitmap bitmap)
    {
        _bitmap = bitmap;
        _pixels = bitmap.Pixels;
    }

    public int Width => _bitmap.Width;

    public int Height => _bitmap.Height;

    /// <summary>Decodes PNG bytes; fails the test if they are not a PNG.</summary>
    public static RenderedImage Decode(byte[] png)
    {
        Assert.True(png.Length > 8 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "not a PNG signature");
        var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        return new RenderedImage(bitmap);
    }

    public static RenderedImage Load(string path) => Decode(File.ReadAllBytes(path));

    public static RenderedImage Render(Figure figure, int width = 800, int height = 600) =>
        Decode(figure.RenderPng(new FigureSize(width, height)));

    public SKColor this[int x, int y] => _pixels[y * Width + x];

    /// <summary>All pixels whose colour satisfies <paramref name="colour"/>.</summary>
    public List<(int X, int Y)> Find(Func<SKColor, bool> colour)
    {
        var found = new List<(int X, int Y)>();
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (colour(this[x, y]))
                {
                    found.Add((x, y));
                }
            }
        }

        return found;
    }

    /// <summary>Whether some pixel within <paramref name="radius"/> pixels of (x, y) satisfies <paramref name="colour"/>.</summary>
    public bool AnyNear(double x, double y, int radius, Func<SKColor, bool> colour)
    {
        for (var j = (int)y - radius; j <= (int)y + radius; j++)
        {
            for (var i = (int)x - radius; i <= (int)x + radius; i++)
            {
                if (i >= 0 && j >= 0 && i < Width && j < Height && colour(this[i, j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Mean brightness (0–255) of the pixels within <paramref name="radius"/> of (x, y).</summary>
    public double Brightness(double x, double y, int radius = 1)
    {
        double sum = 0;
        var count = 0;
        for (var j = (int)y - radius; j <= (int)y + radius; j++)
        {
            for (var i = (int)x - radius; i <= (int)x + radius; i++)
            {
                var c = this[i, j];
                sum += (c.Red + c.Green + c.Blue) / 3.0;
                count++;
            }
        }

        return sum / count;
    }

    public void Dispose() => _bitmap.Dispose();
}
