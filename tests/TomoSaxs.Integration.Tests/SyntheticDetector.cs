using TomoSaxs.Geometry;

namespace TomoSaxs.Integration.Tests;

/// <summary>Small synthetic detectors and frames for convention and plumbing tests.</summary>
internal static class SyntheticDetector
{
    /// <summary>
    /// A pixel pitch of 45·2⁻¹⁸ m (≈ 171.66 µm) and PONI positions on quarter pixels: every pixel-centre and corner
    /// offset is exact in float32 and double, so mirror identities hold to the last bit.
    /// </summary>
    public const double ExactPixelM = 45.0 / 262144.0;

    public const int Rows = 96;
    public const int Cols = 80;

    /// <summary>An I22-like geometry on the small detector, beam centre at row 60.25, column 44.75.</summary>
    /// <param name="tilted">Adds small rot1/rot2/rot3 like the golden tilted case.</param>
    public static PoniGeometry Geometry(bool tilted) =>
        PoniGeometry.FromSi(
            distanceM: 9.773861,
            poni1M: 60.25 * ExactPixelM,
            poni2M: 44.75 * ExactPixelM,
            rot1Rad: tilted ? -0.0003106796154602387 : 0.0,
            rot2Rad: tilted ? -0.00032070858958189243 : 0.0,
            rot3Rad: tilted ? -0.09006645564242549 : 0.0,
            pixel1M: ExactPixelM,
            pixel2M: ExactPixelM,
            wavelengthM: 8.856015e-11);

    /// <summary>A deterministic positive frame with structure in q and χ.</summary>
    public static float[] Frame(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var frame = new float[rows * cols];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = 50f + (float)(200.0 * random.NextDouble());
        }

        return frame;
    }

    /// <summary>A mask with a vertical and a horizontal gap stripe and a few dead pixels.</summary>
    public static byte[] MaskValues(int rows, int cols)
    {
        var mask = new byte[rows * cols];
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < cols; col++)
            {
                var gap = col is >= 20 and < 23 || row is >= 70 and < 74 || (row * 31 + col * 17) % 97 == 0;
                mask[row * cols + col] = gap ? (byte)1 : (byte)0;
            }
        }

        return mask;
    }

    /// <summary>The image flipped upside down (numpy flipud) of a row-major [rows, cols] array.</summary>
    public static T[] FlipUpDown<T>(T[] image, int rows, int cols)
    {
        var flipped = new T[image.Length];
        for (var row = 0; row < rows; row++)
        {
            Array.Copy(image, row * cols, flipped, (rows - 1 - row) * cols, cols);
        }

        return flipped;
    }
}
