using TomoSaxs.FibreModel;

namespace TomoSaxs.Phantom;

/// <summary>
/// The detector frames of the phantom. Per pixel p of the frame of beam path (θ, slice, position):
/// <code>
/// S_p = Σ_f w_f·a_f·I_f(Q_lab,p; α_f, β_f + s·θ) + L_k·σ_k(q_p) + L_b·σ_b(q_p) + L_s·σ_s(q_p) + σ_air(q_p)
/// λ_p = gain · I0 · t · T · S_p,  T = exp(−(μ_k·L_k + μ_b·L_b + μ_s·L_s))
/// </code>
/// with w_f the fibre's beam weight, a_f its amplitude and I_f the fibre model at the pixel's Ewald vector; the
/// raw value is a Poisson draw of mean λ_p (or λ_p rounded when noise is off), −1 on module gaps and 0 behind the
/// beamstop. The fibre model of each fibre at each angle is evaluated once per slice on the whole detector and
/// reused for every position (only the weights change along a slice).
/// </summary>
internal static class FrameSynthesis
{
    /// <summary>The value module-gap pixels read.</summary>
    public const int GapValue = -1;

    /// <summary>The fibre-model image of one fibre at one angle, per pixel (0 on gaps), in model intensity units, into <paramref name="image"/>.</summary>
    public static void FibreImage(DetectorModel detector, FibreSegment fibre, in RotationFrame frame, float[] image)
    {
        var kernel = new FibreKernel(fibre.Parameters, new FibreOrientation(fibre.AlphaDeg, frame.LabBetaDeg(fibre.BetaDeg)));
        var gap = detector.Gap;
        for (var p = 0; p < image.Length; p++)
        {
            if (!gap[p])
            {
                image[p] = (float)kernel.IntensityAtLab(detector.Qx[p], detector.Qy[p], detector.Qz[p]);
            }
            else
            {
                image[p] = 0;
            }
        }
    }

    /// <summary>
    /// The expected counts λ_p of one beam path into <paramref name="expected"/>, from the fibre images of the
    /// crossed fibres (<paramref name="images"/>[k] belongs to <paramref name="crossings"/>[k]).
    /// </summary>
    public static void ExpectedCounts(
        DetectorModel detector, ReadOnlySpan<Crossing> crossings, IReadOnlyList<float[]> images, IReadOnlyList<double> amplitudes,
        double kapton, double buffer, double tissue, double countScale, Span<double> expected)
    {
        expected.Clear();
        for (var k = 0; k < crossings.Length; k++)
        {
            var factor = crossings[k].Weight * amplitudes[k];
            var image = images[k];
            for (var p = 0; p < expected.Length; p++)
            {
                expected[p] += factor * image[p];
            }
        }

        for (var p = 0; p < expected.Length; p++)
        {
            expected[p] = countScale * (expected[p] + kapton * detector.KaptonForm[p] + buffer * detector.BufferForm[p]
                + tissue * detector.TissueForm[p] + detector.AirForm[p]);
        }
    }

    /// <summary>
    /// The raw frame from expected counts: −1 on gaps, 0 behind the beamstop, otherwise a Poisson draw from
    /// <paramref name="random"/> (pixel by pixel in row-major order) or, without noise, the rounded expectation.
    /// Returns the frame's sum (the beamline's SAXS_sum, gap pixels included).
    /// </summary>
    public static double RawFrame(DetectorModel detector, ReadOnlySpan<double> expected, bool noise, PhantomRandom random, Span<int> frame)
    {
        long sum = 0;
        var gap = detector.Gap;
        var blocked = detector.Blocked;
        for (var p = 0; p < frame.Length; p++)
        {
            int value;
            if (gap[p])
            {
                value = GapValue;
            }
            else if (blocked[p])
            {
                value = 0;
            }
            else
            {
                var counts = noise ? PoissonSampler.Sample(random, expected[p]) : (long)Math.Round(expected[p], MidpointRounding.ToEven);
                value = (int)Math.Min(counts, int.MaxValue);
            }

            frame[p] = value;
            sum += value;
        }

        return sum;
    }

    /// <summary>The noise-free raw frame as float32 expected counts (<c>phantom.float_frames</c>): −1 on gaps, 0
    /// behind the beamstop, otherwise the expectation rounded to float32 only. Returns the frame's sum.</summary>
    public static double RawFrame(DetectorModel detector, ReadOnlySpan<double> expected, Span<float> frame)
    {
        var sum = 0.0;
        var gap = detector.Gap;
        var blocked = detector.Blocked;
        for (var p = 0; p < frame.Length; p++)
        {
            var value = gap[p] ? GapValue : blocked[p] ? 0f : (float)expected[p];
            frame[p] = value;
            sum += value;
        }

        return sum;
    }
}
