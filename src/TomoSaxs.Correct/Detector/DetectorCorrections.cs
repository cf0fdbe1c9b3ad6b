namespace TomoSaxs.Correct.Detector;

/// <summary>
/// Which Pauw detector corrections to apply and their constants (note §4.4, docs/correct.md). Defaults: dead time
/// off (Pilatus detectors correct their own count rate, note §9.17), self-absorption, sensor efficiency (reference
/// constants), solid angle and polarisation (unpolarised, divided) on.
/// </summary>
/// <param name="DeadTime">Apply the paralysable dead-time model.</param>
/// <param name="PulseSeparationS">Dead-time pulse separation, s (reference 2e-6).</param>
/// <param name="ArrivalSeparationS">Dead-time arrival separation, s (reference 3e-6).</param>
/// <param name="SelfAbsorption">Apply the flat-sample self-absorption factor.</param>
/// <param name="SensorEfficiency">Divide by the sensor's angular efficiency.</param>
/// <param name="SensorMuTimesThickness">μ·t of the sensor, dimensionless (reference 0.85 × 1e-3).</param>
/// <param name="SolidAngle">Divide by cos³ 2θ.</param>
/// <param name="Polarisation">Divide by the polarisation factor.</param>
/// <param name="PolarisationFraction">Horizontal polarisation fraction p (reference 0.5).</param>
public sealed record DetectorCorrections(
    bool DeadTime = false,
    double PulseSeparationS = 2e-6,
    double ArrivalSeparationS = 3e-6,
    bool SelfAbsorption = true,
    bool SensorEfficiency = true,
    double SensorMuTimesThickness = 0.85e-3,
    bool SolidAngle = true,
    bool Polarisation = true,
    double PolarisationFraction = 0.5)
{
    /// <summary>Every correction off: only count time, flux and (by the caller) background, buffer and thickness.</summary>
    public static DetectorCorrections None { get; } = new(false, 2e-6, 3e-6, false, false, 0.85e-3, false, false, 0.5);
}
