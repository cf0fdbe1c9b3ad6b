using TomoSaxs.Correct.Detector;

namespace TomoSaxs.Correct.Stage;

/// <summary>
/// Steps 2–6 of the Pauw sequence for one frame (note §4.4): dead time (when enabled), division by count time
/// and transmitted flux, and the self-absorption factor at T = It/I0, giving A = f(T)·N/(t·It) per pixel.
/// </summary>
public static class FrameNormalisation
{
    /// <summary>Normalises <paramref name="counts"/> in place.</summary>
    /// <param name="counts">Raw counts of the stored box, row-major; replaced by A (counts per s per unit transmitted flux).</param>
    /// <param name="countTimeS">Exposure, s.</param>
    /// <param name="incidentFlux">I0 (monitor units).</param>
    /// <param name="transmittedFlux">It (diode units).</param>
    /// <param name="factors">Per-pixel detector factors of the same box.</param>
    /// <param name="corrections">Which corrections apply.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count time or flux is not positive.</exception>
    public static void Normalise(Span<double> counts, double countTimeS, double incidentFlux, double transmittedFlux,
        DetectorFactorMap factors, DetectorCorrections corrections)
    {
        if (!(countTimeS > 0) || !(incidentFlux > 0) || !(transmittedFlux > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(countTimeS),
                $"Count time {countTimeS} s, I0 {incidentFlux} and It {transmittedFlux} must all be positive to normalise a frame.");
        }

        if (corrections.DeadTime)
        {
            DeadTime.Apply(counts, DeadTime.Paralysis(countTimeS, corrections.PulseSeparationS, corrections.ArrivalSeparationS));
        }

        var scale = 1 / (countTimeS * transmittedFlux);
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] *= scale;
        }

        factors.ApplySelfAbsorption(counts, transmittedFlux / incidentFlux);
    }
}
