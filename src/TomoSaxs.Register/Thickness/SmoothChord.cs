using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Numerics;
using TomoSaxs.Register.Rotation;

namespace TomoSaxs.Register.Thickness;

/// <summary>
/// The sample thickness along each beam path with a sub-voxel outline (registration note §5.9, §11.7): the mask
/// slice, each pixel's sample share (<see cref="SampleFraction"/>, from the partial-volume grey at the outline), is
/// blurred by a Gaussian of <see cref="SigmaPx"/> CT pixels and the beam's centre line is cut where the bilinearly
/// interpolated blur crosses ½ (linear interpolation between samples a quarter pixel apart). A binary mask is a
/// staircase whose outline can sit ½ voxel off wherever it runs along a pixel row or column, which is where a path
/// near the sample's edge is tangent to it at 0° and 90°: several % of those chords. The shares put the outline
/// between pixel edges; the blur averages their noise and the remaining steps along the outline (its ½ level lies on
/// the smooth outline up to σ²/2R for a radius of curvature R).
/// </summary>
public static class SmoothChord
{
    /// <summary>The blur's standard deviation, CT pixels.</summary>
    public const double SigmaPx = 1.0;

    private const double SampleStepPx = 0.25;

    /// <summary>The blurred sample share of slice <paramref name="z"/> of <paramref name="mask"/> (0…255, <see cref="SampleFraction.Whole"/> = sample), [row, col], 0…1.</summary>
    public static float[,] Blur(byte[,,] mask, int z, double sigmaPx = SigmaPx)
    {
        var (h, w) = (mask.GetLength(1), mask.GetLength(2));
        var shares = new double[h, w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                shares[r, c] = mask[z, r, c] * (1.0 / SampleFraction.Whole);
            }
        }

        // Outside the slice counts as no sample.
        var blurred = GaussianBlur.Separable(shares, sigmaPx);
        var result = new float[h, w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                result[r, c] = (float)blurred[r, c];
            }
        }

        return result;
    }

    /// <summary>The chord per beam path, µm, through the blurred mask slice <paramref name="blurred"/>.</summary>
    /// <param name="blurred">The blurred mask slice [row, col] (<see cref="Blur"/>).</param>
    /// <param name="voxelUm">The mask's pixel size, µm.</param>
    /// <param name="tubeCentrePx">The tube axis in the mask's pixel coordinates (row, col of pixel centres).</param>
    /// <param name="frame">The angle.</param>
    /// <param name="tubeCentreUm">x_c(θ): the tube axis's raster coordinate at this angle, motor µm.</param>
    /// <param name="pathPositionsUm">Motor x of each beam path, µm.</param>
    public static double[] Compute(float[,] blurred, double voxelUm, (double Row, double Col) tubeCentrePx, AngleFrame frame, double tubeCentreUm, IReadOnlyList<double> pathPositionsUm)
    {
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
            chords[i] = LengthInside(blurred, point, (dirW, dirU)) * voxelUm;
        }

        return chords;
    }

    /// <summary>The length (pixels) of the line point + t·direction (unit vector) where the bilinear blur is ≥ ½.</summary>
    public static double LengthInside(float[,] blurred, (double Row, double Col) point, (double Row, double Col) direction)
    {
        var (h, w) = (blurred.GetLength(0), blurred.GetLength(1));
        // The parameter range inside the interpolation rectangle [0, H − 1] × [0, W − 1] (the blur is 0 outside).
        var (tMin, tMax) = (double.NegativeInfinity, double.PositiveInfinity);
        if (!Clip(point.Row, direction.Row, h - 1, ref tMin, ref tMax) || !Clip(point.Col, direction.Col, w - 1, ref tMin, ref tMax) || !(tMax > tMin))
        {
            return 0;
        }

        var steps = Math.Max(1, (int)Math.Ceiling((tMax - tMin) / SampleStepPx));
        var step = (tMax - tMin) / steps;
        var length = 0.0;
        var t0 = tMin;
        var f0 = At(blurred, point.Row + t0 * direction.Row, point.Col + t0 * direction.Col) - 0.5;
        for (var k = 1; k <= steps; k++)
        {
            var t1 = tMin + k * step;
            var f1 = At(blurred, point.Row + t1 * direction.Row, point.Col + t1 * direction.Col) - 0.5;
            if (f0 >= 0 && f1 >= 0)
            {
                length += t1 - t0;
            }
            else if (f0 >= 0 || f1 >= 0)
            {
                // One end inside: the crossing at f = 0 by linear interpolation.
                var crossing = f0 / (f0 - f1);
                length += (f0 >= 0 ? crossing : 1 - crossing) * (t1 - t0);
            }

            (t0, f0) = (t1, f1);
        }

        return length;
    }

    private static bool Clip(double origin, double direction, double high, ref double tMin, ref double tMax)
    {
        if (Math.Abs(direction) < 1e-15)
        {
            return origin >= 0 && origin <= high;
        }

        var (t0, t1) = (-origin / direction, (high - origin) / direction);
        (tMin, tMax) = (Math.Max(tMin, Math.Min(t0, t1)), Math.Min(tMax, Math.Max(t0, t1)));
        return true;
    }

    private static double At(float[,] image, double row, double col)
    {
        var (h, w) = (image.GetLength(0), image.GetLength(1));
        if (row < 0 || col < 0 || row > h - 1 || col > w - 1)
        {
            return 0;
        }

        var (r0, c0) = ((int)Math.Floor(row), (int)Math.Floor(col));
        var (r1, c1) = (Math.Min(r0 + 1, h - 1), Math.Min(c0 + 1, w - 1));
        var (fr, fc) = (row - r0, col - c0);
        return (1 - fr) * ((1 - fc) * image[r0, c0] + fc * image[r0, c1]) + fr * ((1 - fc) * image[r1, c0] + fc * image[r1, c1]);
    }
}
