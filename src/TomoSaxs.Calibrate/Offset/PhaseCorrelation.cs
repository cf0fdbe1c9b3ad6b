using System.Numerics;

namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// Locates a template volume inside a larger reference volume by 3-D phase correlation: the inverse transform
/// of the whitened cross-power spectrum F(ref)·conj(F(tmpl))/|…| peaks at the template's offset. Both volumes
/// are mean-subtracted; the template is tapered at its faces (Tukey window) so its box edges do not
/// correlate, and both are zero-padded to powers of two. Only offsets that keep the template inside the
/// reference are searched, which also rules out wrap-around ghosts.
/// </summary>
public static class PhaseCorrelation
{
    /// <summary>Voxels excluded around the peak when looking for the second-best value.</summary>
    public const int ExclusionRadius = 2;

    /// <summary>Finds the integer offset of <paramref name="template"/> in <paramref name="reference"/>
    /// (template voxel t ≈ reference voxel t + offset).</summary>
    /// <param name="reference">The larger volume, <c>[z, row, col]</c>.</param>
    /// <param name="template">The smaller volume at the same voxel size, no larger than the reference on any axis.</param>
    /// <param name="taperFraction">The fraction of each template face rolled off by the cosine taper (0–0.5).</param>
    /// <param name="whitening">The power of the cross-power magnitude divided out: 1 = pure phase correlation, 0 = plain cross-correlation.</param>
    /// <exception cref="ArgumentException">The template is larger than the reference, or either is empty or constant.</exception>
    public static CorrelationPeak Locate(float[,,] reference, float[,,] template, double taperFraction = 0.15, double whitening = 1.0)
    {
        var (rd, rh, rw) = (reference.GetLength(0), reference.GetLength(1), reference.GetLength(2));
        var (td, th, tw) = (template.GetLength(0), template.GetLength(1), template.GetLength(2));
        if (rd * rh * rw == 0 || td * th * tw == 0)
        {
            throw new ArgumentException("Phase correlation needs two non-empty volumes.");
        }

        if (td > rd || th > rh || tw > rw)
        {
            throw new ArgumentException(
                $"The template ({td} × {th} × {tw}) must fit inside the reference ({rd} × {rh} × {rw}) on every axis.");
        }

        int[] dims = [FourierVolume.GoodSize(rd), FourierVolume.GoodSize(rh), FourierVolume.GoodSize(rw)];
        var taperZ = Tukey(td, taperFraction);
        var taperY = Tukey(th, taperFraction);
        var taperX = Tukey(tw, taperFraction);
        var f = FourierVolume.Embed(reference, dims, Mean(reference, "reference"));
        var g = FourierVolume.Embed(template, dims, Mean(template, "template"), (z, r, c) => taperZ[z] * taperY[r] * taperX[c]);
        FourierVolume.Forward(f, dims);
        FourierVolume.Forward(g, dims);
        for (var i = 0; i < f.Length; i++)
        {
            var cross = f[i] * Complex.Conjugate(g[i]);
            var magnitude = cross.Magnitude;
            // Frequencies with no energy carry no phase; leaving them at zero keeps them out of the peak.
            f[i] = magnitude > 1e-30 ? cross / Math.Pow(magnitude, whitening) : Complex.Zero;
        }

        FourierVolume.Inverse(f, dims);
        var surface = new double[rd - td + 1, rh - th + 1, rw - tw + 1];
        for (var z = 0; z < surface.GetLength(0); z++)
        {
            for (var r = 0; r < surface.GetLength(1); r++)
            {
                for (var c = 0; c < surface.GetLength(2); c++)
                {
                    surface[z, r, c] = f[(z * dims[1] + r) * dims[2] + c].Real;
                }
            }
        }

        return SurfacePeak.Find(surface, ExclusionRadius);
    }

    private static double Mean(float[,,] volume, string what)
    {
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in volume)
        {
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return max > min ? sum / volume.Length : throw new ArgumentException($"The {what} volume is constant ({min}); it has nothing to correlate.");
    }

    /// <summary>A Tukey (tapered cosine) window of n samples, flat in the middle.</summary>
    private static double[] Tukey(int n, double fraction)
    {
        fraction = Math.Clamp(fraction, 0, 0.5);
        var window = new double[n];
        var ramp = fraction * (n - 1);
        for (var i = 0; i < n; i++)
        {
            var distance = Math.Min(i, n - 1 - i);
            window[i] = ramp > 0 && distance < ramp ? 0.5 * (1 - Math.Cos(Math.PI * distance / ramp)) : 1.0;
        }

        return window;
    }
}
