namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// The maximum of a 3-D score surface and the second-best local maximum (a value no lower than its 26
/// neighbours) outside a small box around it: the shoulder of a broad peak is not mistaken for a rival.
/// </summary>
internal static class SurfacePeak
{
    public static CorrelationPeak Find(double[,,] surface, int exclusion)
    {
        var best = double.NegativeInfinity;
        (int Z, int Y, int X) at = (0, 0, 0);
        for (var z = 0; z < surface.GetLength(0); z++)
        {
            for (var r = 0; r < surface.GetLength(1); r++)
            {
                for (var c = 0; c < surface.GetLength(2); c++)
                {
                    if (surface[z, r, c] > best)
                    {
                        best = surface[z, r, c];
                        at = (z, r, c);
                    }
                }
            }
        }

        var second = double.NegativeInfinity;
        for (var z = 0; z < surface.GetLength(0); z++)
        {
            for (var r = 0; r < surface.GetLength(1); r++)
            {
                for (var c = 0; c < surface.GetLength(2); c++)
                {
                    var near = Math.Abs(z - at.Z) <= exclusion && Math.Abs(r - at.Y) <= exclusion && Math.Abs(c - at.X) <= exclusion;
                    if (!near && surface[z, r, c] > second && IsLocalMaximum(surface, z, r, c))
                    {
                        second = surface[z, r, c];
                    }
                }
            }
        }

        return new CorrelationPeak(new Offset3(at.Z, at.Y, at.X), best, double.IsFinite(second) ? Math.Max(second, 0) : 0);
    }

    private static bool IsLocalMaximum(double[,,] surface, int z, int r, int c)
    {
        var value = surface[z, r, c];
        for (var dz = -1; dz <= 1; dz++)
        {
            for (var dr = -1; dr <= 1; dr++)
            {
                for (var dc = -1; dc <= 1; dc++)
                {
                    var (nz, nr, nc) = (z + dz, r + dr, c + dc);
                    if ((dz | dr | dc) != 0 && nz >= 0 && nr >= 0 && nc >= 0 && nz < surface.GetLength(0)
                        && nr < surface.GetLength(1) && nc < surface.GetLength(2) && surface[nz, nr, nc] > value)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }
}
