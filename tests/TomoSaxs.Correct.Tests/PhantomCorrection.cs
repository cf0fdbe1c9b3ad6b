using TomoSaxs.Correct.Output;
using TomoSaxs.Correct.Stage;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Phantom;
using TomoSaxs.TestSupport.Phantom;

namespace TomoSaxs.Correct.Tests;

/// <summary>Runs Correct on a phantom and compares with truth: helpers shared by the acceptance tests.</summary>
internal static class PhantomCorrection
{
    /// <summary>The inputs of a phantom scan.</summary>
    public static CorrectInputs Inputs(ExamplePhantom phantom)
    {
        var raw = phantom.Definition.Raw;
        return new CorrectInputs([.. raw.Saxs.Files], [.. raw.Saxs.AnglesDeg], raw.Background, raw.Buffer, raw.Mask, raw.Calibration);
    }

    /// <summary>Corrects one slice into <paramref name="output"/> and returns the flagged-frame lines.</summary>
    public static IReadOnlyList<string> Run(ExamplePhantom phantom, CorrectSettings settings, int slice, string output, int parallelism = 2)
    {
        using var corrector = SliceCorrector.Prepare(Inputs(phantom), settings, TruthRegistration.SampleUm(phantom), slice);
        corrector.Write(output, maxParallelism: parallelism);
        return corrector.FlaggedFrames;
    }

    /// <summary>
    /// G = 1/(E·cos³2θ·P) per pixel of the box, computed here from the phantom's detector numbers (beam centre in
    /// pixels, pixel size, distance), independently of the stage: E = 1 − exp(−μt/cos2θ) with μt = 0.85e-3,
    /// P = 1 − ½ sin²2θ (unpolarised).
    /// </summary>
    public static double[] IndependentGain(ExamplePhantom phantom, FrameBox box)
    {
        var d = phantom.Plan.Spec.Detector;
        var gain = new double[box.PixelCount];
        for (var r = 0; r < box.Rows; r++)
        {
            for (var c = 0; c < box.Columns; c++)
            {
                var dy = (box.FirstRow + r + 0.5 - d.CentreYPx) * d.PixelUm;
                var dx = (box.FirstColumn + c + 0.5 - d.CentreXPx) * d.PixelUm;
                var twoTheta = Math.Atan(Math.Sqrt(dx * dx + dy * dy) / (d.DistanceMm * 1000));
                var cos = Math.Cos(twoTheta);
                var efficiency = 1 - Math.Exp(-0.85e-3 / cos);
                var sin = Math.Sin(twoTheta);
                gain[r * box.Columns + c] = 1 / (efficiency * cos * cos * cos * (1 - 0.5 * sin * sin));
            }
        }

        return gain;
    }

    /// <summary>gain × the sample scattering per µm over the box, or null without tissue in the beam.</summary>
    public static double[]? Truth(ExamplePhantom phantom, FrameBox box, int angle, int slice, int position)
    {
        var full = SampleScattering.PerMicrometre(phantom.Plan, angle, slice, position);
        if (full is null)
        {
            return null;
        }

        var gain = SampleScattering.Gain(phantom.Plan);
        var cropped = box.Crop<double>(full, phantom.Plan.Spec.Detector.Columns);
        for (var i = 0; i < cropped.Length; i++)
        {
            cropped[i] *= gain;
        }

        return cropped;
    }

    /// <summary>Pixels without a stored value (masked, or outside the stored q range): they carry the fill value.</summary>
    public static bool[] Mask(Hdf5File file) => CorrectedFile.ReadUnstored(file);

    public static int Angles(Hdf5File file) => file.MemberNames("/").Count(name => name.StartsWith("angle_", StringComparison.Ordinal));
}
