using System.Numerics;

namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// The zero-mean normalised cross-correlation of a template at every integer offset inside a reference, in
/// O(N log N): the numerator Σ(t − t̄)·f(t + d) is one FFT correlation (MathNet FFTs), and the reference's
/// local sums Σf and Σf² under the template box come from 3-D summed-volume tables (Lewis, "Fast normalized
/// cross-correlation", 1995). Unlike phase correlation it stays reliable when the template is a small part of
/// the reference, and it is insensitive to the two scans' different brightness and contrast.
/// </summary>
public static class FftNcc
{
    // Padded volumes up to 2²² voxels (64 MB per complex array) use power-of-two sizes.
    private const long PowerOfTwoLimit = 1L << 22;

    /// <summary>Voxels excluded around the peak when looking for the second-best value.</summary>
    public const int ExclusionRadius = 2;

    /// <summary>The NCC surface, indexed by offset d (template voxel t against reference voxel t + d) for every
    /// d that keeps the template inside the reference; NaN where the reference is constant under the box.</summary>
    /// <exception cref="ArgumentException">The template does not fit in the reference, or either is empty or constant.</exception>
    public static double[,,] Surface(float[,,] reference, float[,,] template)
    {
        var (rd, rh, rw) = (reference.GetLength(0), reference.GetLength(1), reference.GetLength(2));
        var (td, th, tw) = (template.GetLength(0), template.GetLength(1), template.GetLength(2));
        if (rd * rh * rw == 0 || td * th * tw == 0)
        {
            throw new ArgumentException("Normalised cross-correlation needs two non-empty volumes.");
        }

        if (td > rd || th > rh || tw > rw)
        {
            throw new ArgumentException(
                $"The template ({td} × {th} × {tw}) must fit inside the reference ({rd} × {rh} × {rw}) on every axis.");
        }

        double mean = 0, energy = 0;
        foreach (var v in template)
        {
            mean += v;
        }

        mean /= template.Length;
        foreach (var v in template)
        {
            energy += (v - mean) * (v - mean);
        }

        if (!(energy > 0))
        {
            throw new ArgumentException("The template is constant; it has nothing to correlate.");
        }

        // Powers of two are MathNet's fast case; when they would make the padded volume large (each axis can almost
        // double), the nearest 2ᵃ·3ᵇ·5ᶜ sizes keep two complex volumes of a large CT's binned copy within memory.
        int[] dims = [FourierVolume.GoodSize(rd), FourierVolume.GoodSize(rh), FourierVolume.GoodSize(rw)];
        if ((long)dims[0] * dims[1] * dims[2] > PowerOfTwoLimit)
        {
            dims = [FourierVolume.SmoothSize(rd), FourierVolume.SmoothSize(rh), FourierVolume.SmoothSize(rw)];
        }
        var f = FourierVolume.Embed(reference, dims, 0);
        var g = FourierVolume.Embed(template, dims, mean);
        FourierVolume.Forward(f, dims);
        FourierVolume.Forward(g, dims);
        for (var i = 0; i < f.Length; i++)
        {
            f[i] *= Complex.Conjugate(g[i]);
        }

        FourierVolume.Inverse(f, dims);
        var sums = new SummedVolume(reference, squared: false);
        var squares = new SummedVolume(reference, squared: true);
        long n = (long)td * th * tw;
        var surface = new double[rd - td + 1, rh - th + 1, rw - tw + 1];
        for (var z = 0; z < surface.GetLength(0); z++)
        {
            for (var y = 0; y < surface.GetLength(1); y++)
            {
                for (var x = 0; x < surface.GetLength(2); x++)
                {
                    var s1 = sums.Box(z, y, x, td, th, tw);
                    var variance = squares.Box(z, y, x, td, th, tw) - s1 * s1 / n;
                    // Rounding can leave a tiny variance where the reference is flat; treat as undefined.
                    surface[z, y, x] = variance > 1e-9 * Math.Abs(s1 * s1 / n) + 1e-300
                        ? f[(z * dims[1] + y) * dims[2] + x].Real / Math.Sqrt(energy * variance)
                        : double.NaN;
                }
            }
        }

        return surface;
    }

    /// <summary>The integer offset of the best NCC and its quality (peak value and best value elsewhere).</summary>
    public static CorrelationPeak Locate(float[,,] reference, float[,,] template)
    {
        var surface = Surface(reference, template);
        for (var z = 0; z < surface.GetLength(0); z++)
        {
            for (var y = 0; y < surface.GetLength(1); y++)
            {
                for (var x = 0; x < surface.GetLength(2); x++)
                {
                    if (double.IsNaN(surface[z, y, x]))
                    {
                        surface[z, y, x] = double.NegativeInfinity;
                    }
                }
            }
        }

        var peak = SurfacePeak.Find(surface, ExclusionRadius);
        return double.IsNegativeInfinity(peak.Height)
            ? throw new ArgumentException("The reference is constant under every placement of the template; there is nothing to match.")
            : peak;
    }
}
