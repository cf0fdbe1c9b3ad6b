namespace TomoSaxs.Phantom;

/// <summary>
/// Noise-free truth for the Correct stage: the sample's own scattering in one frame per µm of sample path — the fibre
/// term plus L_s·σ_s divided by L_s (docs/phantom.md "Detector frames") — in the fibre model's intensity units per µm.
/// A raw frame is gain·I0·t·T·S_p, so a frame normalised by count time and transmitted flux (I0·T) holds gain·S_p
/// and the sample's share of it per µm is gain × this. Module-gap pixels hold 0.
/// </summary>
public static class SampleScattering
{
    /// <summary>The sample scattering per µm of beam path (θ index, slice, position), per pixel row-major; null
    /// when the beam crosses no tissue.</summary>
    public static double[]? PerMicrometre(PhantomPlan plan, int angle, int slice, int position)
    {
        var detector = plan.Detector;
        var index = plan.Paths.Index(angle, slice, position);
        var tissue = plan.Paths.Tissue[index];
        if (!(tissue > 0))
        {
            return null;
        }

        var crossings = plan.Paths.Crossings[index];
        var images = crossings.Select(c =>
        {
            var image = new float[detector.PixelCount];
            FrameSynthesis.FibreImage(detector, plan.Fibres[c.FibreNumber], plan.Frames[angle], image);
            return image;
        }).ToList();
        var expected = new double[detector.PixelCount];
        FrameSynthesis.ExpectedCounts(detector, crossings, images, [.. crossings.Select(c => plan.Fibres[c.FibreNumber].Amplitude)],
            0, 0, tissue, 1 / tissue, expected);
        // ExpectedCounts adds the air term per frame; it is not the sample's, so take it out again.
        for (var p = 0; p < expected.Length; p++)
        {
            expected[p] -= detector.AirForm[p] / tissue;
        }

        return expected;
    }

    /// <summary>The phantom's detector gain (counts per unit of I0·t·T·S).</summary>
    public static double Gain(PhantomPlan plan) => plan.Spec.Beam.Gain;

    /// <summary>The sample path (µm) of a beam path.</summary>
    public static double TissueUm(PhantomPlan plan, int angle, int slice, int position) =>
        plan.Paths.Tissue[plan.Paths.Index(angle, slice, position)];
}
