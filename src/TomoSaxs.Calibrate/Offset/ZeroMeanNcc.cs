namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// Zero-mean normalised cross-correlation of a template placed at an integer offset in a reference volume,
/// over the voxels where they overlap: Σ(t − t̄)(f − f̄) / √(Σ(t − t̄)²·Σ(f − f̄)²), in [−1, 1] and insensitive to
/// the two scans' different brightness and contrast.
/// </summary>
public static class ZeroMeanNcc
{
    /// <summary>The NCC with template voxel t compared to reference voxel t + (dz, dy, dx); NaN when less than
    /// half of the template overlaps the reference or either side is constant there.</summary>
    public static double Score(float[,,] reference, float[,,] template, int dz, int dy, int dx)
    {
        var z0 = Math.Max(0, -dz);
        var z1 = Math.Min(template.GetLength(0), reference.GetLength(0) - dz);
        var y0 = Math.Max(0, -dy);
        var y1 = Math.Min(template.GetLength(1), reference.GetLength(1) - dy);
        var x0 = Math.Max(0, -dx);
        var x1 = Math.Min(template.GetLength(2), reference.GetLength(2) - dx);
        if (z1 <= z0 || y1 <= y0 || x1 <= x0)
        {
            return double.NaN;
        }

        long n = (long)(z1 - z0) * (y1 - y0) * (x1 - x0);
        if (2 * n < template.LongLength)
        {
            return double.NaN;
        }

        double st = 0, sf = 0, stt = 0, sff = 0, stf = 0;
        for (var z = z0; z < z1; z++)
        {
            for (var y = y0; y < y1; y++)
            {
                for (var x = x0; x < x1; x++)
                {
                    double t = template[z, y, x];
                    double f = reference[z + dz, y + dy, x + dx];
                    st += t;
                    sf += f;
                    stt += t * t;
                    sff += f * f;
                    stf += t * f;
                }
            }
        }

        var covariance = stf - st * sf / n;
        var vt = stt - st * st / n;
        var vf = sff - sf * sf / n;
        return vt > 0 && vf > 0 ? covariance / Math.Sqrt(vt * vf) : double.NaN;
    }
}
