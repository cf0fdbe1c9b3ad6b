using TomoSaxs.Register.Rotation;

namespace TomoSaxs.Register.Thickness;

/// <summary>
/// The sample thickness along each beam path (registration note §5.9, §11.7): the exact length of the beam's
/// centre line inside the sample mask, averaged over the mask slices of the SAXS slice's slab, in µm. Each mask
/// pixel is a square; the line is cut at every pixel edge it crosses and the pieces inside set pixels are summed,
/// so the chord is exact for the rasterised mask (no span rule, no voxel counting, no unit mix-up).
/// </summary>
public static class SampleChord
{
    /// <summary>The chord per beam path, µm.</summary>
    /// <param name="mask">The sample mask slab [z, row, col] (non-zero = sample) at the CT voxel.</param>
    /// <param name="voxelUm">The mask's pixel size, µm.</param>
    /// <param name="tubeCentrePx">The tube axis in the mask's pixel coordinates (row, col of pixel centres).</param>
    /// <param name="frame">The angle.</param>
    /// <param name="tubeCentreUm">x_c(θ): the tube axis's raster coordinate at this angle, motor µm.</param>
    /// <param name="pathPositionsUm">Motor x of each beam path, µm.</param>
    /// <exception cref="ArgumentException">The mask is empty or the voxel size is not positive.</exception>
    public static double[] Compute(byte[,,] mask, double voxelUm, (double Row, double Col) tubeCentrePx, AngleFrame frame, double tubeCentreUm, IReadOnlyList<double> pathPositionsUm)
    {
        if (mask.Length == 0)
        {
            throw new ArgumentException("The sample mask slab is empty.");
        }

        if (!(voxelUm > 0))
        {
            throw new ArgumentException($"The mask pixel size must be positive (got {voxelUm} µm).");
        }

        var (dirU, dirW) = frame.ToSample(0, 1);
        var chords = new double[pathPositionsUm.Count];
        for (var i = 0; i < chords.Length; i++)
        {
            var (u, w) = frame.ToSample(pathPositionsUm[i] - tubeCentreUm, 0);
            var point = (Row: tubeCentrePx.Row + w / voxelUm, Col: tubeCentrePx.Col + u / voxelUm);
            var sum = 0.0;
            for (var z = 0; z < mask.GetLength(0); z++)
            {
                sum += LengthInMask(mask, z, point, (dirW, dirU));
            }

            chords[i] = sum / mask.GetLength(0) * voxelUm;
        }

        return chords;
    }

    /// <summary>The length (pixels) of the line point + t·direction (unit vector, row/col) inside the set pixels of
    /// slice <paramref name="z"/>; pixel (r, c) is the square [r ± ½] × [c ± ½].</summary>
    public static double LengthInMask(byte[,,] mask, int z, (double Row, double Col) point, (double Row, double Col) direction)
    {
        var (height, width) = (mask.GetLength(1), mask.GetLength(2));
        // The parameter range inside the image rectangle [−½, H − ½] × [−½, W − ½].
        var (tMin, tMax) = (double.NegativeInfinity, double.PositiveInfinity);
        if (!Clip(point.Row, direction.Row, -0.5, height - 0.5, ref tMin, ref tMax)
            || !Clip(point.Col, direction.Col, -0.5, width - 0.5, ref tMin, ref tMax)
            || tMax <= tMin)
        {
            return 0;
        }

        var cuts = new List<double> { tMin, tMax };
        AddCrossings(cuts, point.Row, direction.Row, height, tMin, tMax);
        AddCrossings(cuts, point.Col, direction.Col, width, tMin, tMax);
        cuts.Sort();
        var length = 0.0;
        for (var k = 0; k + 1 < cuts.Count; k++)
        {
            var (a, b) = (cuts[k], cuts[k + 1]);
            if (b - a <= 0)
            {
                continue;
            }

            var middle = 0.5 * (a + b);
            var r = (int)Math.Round(point.Row + middle * direction.Row);
            var c = (int)Math.Round(point.Col + middle * direction.Col);
            if (r >= 0 && c >= 0 && r < height && c < width && mask[z, r, c] != 0)
            {
                length += b - a;
            }
        }

        return length;
    }

    private static bool Clip(double origin, double direction, double low, double high, ref double tMin, ref double tMax)
    {
        if (Math.Abs(direction) < 1e-15)
        {
            return origin >= low && origin <= high;
        }

        var (t0, t1) = ((low - origin) / direction, (high - origin) / direction);
        if (t0 > t1)
        {
            (t0, t1) = (t1, t0);
        }

        tMin = Math.Max(tMin, t0);
        tMax = Math.Min(tMax, t1);
        return true;
    }

    /// <summary>Adds the parameters where the line crosses the pixel edges k + ½ of one axis.</summary>
    private static void AddCrossings(List<double> cuts, double origin, double direction, int count, double tMin, double tMax)
    {
        if (Math.Abs(direction) < 1e-15)
        {
            return;
        }

        for (var k = 0; k < count - 1; k++)
        {
            var t = (k + 0.5 - origin) / direction;
            if (t > tMin && t < tMax)
            {
                cuts.Add(t);
            }
        }
    }
}
