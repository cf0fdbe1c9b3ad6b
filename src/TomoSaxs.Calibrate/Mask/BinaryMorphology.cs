namespace TomoSaxs.Calibrate.Mask;

/// <summary>2-D binary morphology on <c>[row, col]</c> masks with a 3 × 3 square, and the clean-up steps built
/// from it: opening removes speckle, closing bridges one-pixel gaps.</summary>
public static class BinaryMorphology
{
    /// <summary>Erosion: a pixel stays set only if its whole 3 × 3 neighbourhood is set (outside counts as unset).</summary>
    public static bool[,] Erode(bool[,] mask) => Filter(mask, all: true);

    /// <summary>Dilation: a pixel is set if any pixel of its 3 × 3 neighbourhood is set.</summary>
    public static bool[,] Dilate(bool[,] mask) => Filter(mask, all: false);

    /// <summary>Erosion then dilation.</summary>
    public static bool[,] Open(bool[,] mask) => Dilate(Erode(mask));

    /// <summary>Dilation then erosion.</summary>
    public static bool[,] Close(bool[,] mask) => Erode(Dilate(mask));

    private static bool[,] Filter(bool[,] mask, bool all)
    {
        var (h, w) = (mask.GetLength(0), mask.GetLength(1));
        var result = new bool[h, w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                var value = all;
                for (var dr = -1; dr <= 1 && value == all; dr++)
                {
                    for (var dc = -1; dc <= 1; dc++)
                    {
                        var (nr, nc) = (r + dr, c + dc);
                        var set = nr >= 0 && nc >= 0 && nr < h && nc < w && mask[nr, nc];
                        if (set != all)
                        {
                            value = !all;
                            break;
                        }
                    }
                }

                result[r, c] = value;
            }
        }

        return result;
    }
}
