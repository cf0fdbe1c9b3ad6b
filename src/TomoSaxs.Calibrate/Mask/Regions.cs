namespace TomoSaxs.Calibrate.Mask;

/// <summary>Connected regions of 2-D binary masks: the largest 8-connected region, and hole filling.</summary>
public static class Regions
{
    /// <summary>The largest 8-connected set region of <paramref name="mask"/> (empty if none is set).</summary>
    public static bool[,] Largest(bool[,] mask)
    {
        var (h, w) = (mask.GetLength(0), mask.GetLength(1));
        var labels = new int[h, w];
        var bestLabel = 0;
        var bestSize = 0;
        var next = 0;
        var queue = new Queue<(int, int)>();
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                if (!mask[r, c] || labels[r, c] != 0)
                {
                    continue;
                }

                next++;
                var size = 0;
                labels[r, c] = next;
                queue.Enqueue((r, c));
                while (queue.Count > 0)
                {
                    var (qr, qc) = queue.Dequeue();
                    size++;
                    for (var dr = -1; dr <= 1; dr++)
                    {
                        for (var dc = -1; dc <= 1; dc++)
                        {
                            var (nr, nc) = (qr + dr, qc + dc);
                            if (nr >= 0 && nc >= 0 && nr < h && nc < w && mask[nr, nc] && labels[nr, nc] == 0)
                            {
                                labels[nr, nc] = next;
                                queue.Enqueue((nr, nc));
                            }
                        }
                    }
                }

                if (size > bestSize)
                {
                    (bestSize, bestLabel) = (size, next);
                }
            }
        }

        var result = new bool[h, w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                result[r, c] = bestLabel != 0 && labels[r, c] == bestLabel;
            }
        }

        return result;
    }

    /// <summary>The mask with every unset region not 4-connected to the image border set (holes filled).</summary>
    public static bool[,] FillHoles(bool[,] mask)
    {
        var (h, w) = (mask.GetLength(0), mask.GetLength(1));
        var outside = new bool[h, w];
        var queue = new Queue<(int, int)>();
        void Seed(int r, int c)
        {
            if (!mask[r, c] && !outside[r, c])
            {
                outside[r, c] = true;
                queue.Enqueue((r, c));
            }
        }

        for (var r = 0; r < h; r++)
        {
            Seed(r, 0);
            Seed(r, w - 1);
        }

        for (var c = 0; c < w; c++)
        {
            Seed(0, c);
            Seed(h - 1, c);
        }

        while (queue.Count > 0)
        {
            var (r, c) = queue.Dequeue();
            foreach (var (nr, nc) in new[] { (r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1) })
            {
                if (nr >= 0 && nc >= 0 && nr < h && nc < w)
                {
                    Seed(nr, nc);
                }
            }
        }

        var result = new bool[h, w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                result[r, c] = !outside[r, c];
            }
        }

        return result;
    }
}
