namespace TomoSaxs.FibreModel;

/// <summary>
/// The nanoscale parameters of the single-fibre "intermediate" model (reference note, amplitudes §2.3): a
/// meridional reflection spread over a sphere of radius q0/δ, Gaussian along the sphere and Lorentzian across it.
/// </summary>
/// <remarks>
/// Angles are in degrees at the pipeline's interfaces, but <see cref="WMu"/> is an angular <em>width parameter</em>
/// that the reference method stores, fits and bounds in <b>radians</b> (fit bounds 0.02…0.8 rad). It is kept in
/// radians here too and never converted.
/// </remarks>
/// <param name="Q0">q0, the position of the 3rd-order meridional reflection, in nm⁻¹ (D-period = 6π/q0).</param>
/// <param name="Wa">wa, the radial (across-sphere) Lorentzian half width at half maximum, in nm⁻¹.</param>
/// <param name="WMu">wMu, the fibril misorientation parameter, in <b>radians</b>; the Gaussian width along the
/// sphere is w_E = q0·tan(wMu).</param>
/// <param name="Delta">δ, the reflection curvature, dimensionless in (0, 1]: δ → 0 gives a flat streak, δ = 1 an
/// arc of constant |Q| = q0.</param>
public readonly record struct FibreParameters(double Q0, double Wa, double WMu, double Delta)
{
    /// <summary>The collagen D-period implied by q0 for the 3rd-order reflection, 6π/q0, in nm.</summary>
    public double DPeriodNm => 6.0 * Math.PI / Q0;

    /// <summary>The Gaussian width along the reflection sphere, w_E = q0·tan(wMu), in nm⁻¹.</summary>
    public double AlongSphereWidth => Q0 * Math.Tan(WMu);

    /// <summary>The radius of the reflection sphere, R = q0/δ, in nm⁻¹.</summary>
    public double SphereRadius => Q0 / Delta;

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> unless every parameter lies where the model is defined:
    /// q0 &gt; 0, wa &gt; 0, 0 &lt; wMu &lt; π/2 rad, 0 &lt; δ ≤ 1, all finite.
    /// </summary>
    /// <remarks>δ = 1 is accepted although the fits bound δ below 1: the sphere construction is still well defined
    /// there (an arc of |Q| = q0) and the reference note describes that limit.</remarks>
    public void Validate()
    {
        if (!(Q0 > 0) || !double.IsFinite(Q0))
        {
            throw new ArgumentOutOfRangeException(nameof(Q0), Q0, "q0 must be a finite positive value in nm⁻¹.");
        }

        if (!(Wa > 0) || !double.IsFinite(Wa))
        {
            throw new ArgumentOutOfRangeException(nameof(Wa), Wa, "wa must be a finite positive value in nm⁻¹.");
        }

        if (!(WMu > 0) || !(WMu < Math.PI / 2))
        {
            throw new ArgumentOutOfRangeException(nameof(WMu), WMu,
                "wMu must lie in (0, π/2) radians (it is a radian parameter, not degrees).");
        }

        if (!(Delta > 0) || !(Delta <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Delta), Delta, "δ must lie in (0, 1].");
        }
    }
}
