using System.Text.Json;
using TomoSaxs.FibreModel;

namespace TomoSaxs.Phantom.Tests;

/// <summary>
/// The test's own noise-free forward model, built from the truth files and the documented formulas only: per
/// pixel, (q, χ_model) from the detector numbers in double precision (untilted PONI: t1 = (row + ½)·pixel − poni1,
/// t2 = (column + ½)·pixel − poni2, χ_model = atan2(−t1, t2)), then
/// S = Σ w·a·I_f(Ewald(q, χ_model)) + L_k·σ_k(q) + L_b·σ_b(q) + L_s·σ_s(q) + σ_air(q) in model units.
/// </summary>
internal sealed class AnalyticFrame
{
    private readonly TruthFiles truth;

    public AnalyticFrame(TruthFiles truth)
    {
        this.truth = truth;
        var detector = truth.Spec.GetProperty("Detector");
        Rows = detector.GetProperty("Rows").GetInt32();
        Columns = detector.GetProperty("Columns").GetInt32();
        var pixel = detector.GetProperty("PixelUm").GetDouble();
        var distance = detector.GetProperty("DistanceMm").GetDouble() * 1000;
        var poni1 = detector.GetProperty("CentreYPx").GetDouble() * pixel;
        var poni2 = detector.GetProperty("CentreXPx").GetDouble() * pixel;
        WavelengthNm = detector.GetProperty("WavelengthNm").GetDouble();
        Q = new double[Rows * Columns];
        ChiModelDeg = new double[Rows * Columns];
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                var t1 = (row + 0.5) * pixel - poni1;
                var t2 = (column + 0.5) * pixel - poni2;
                var twoTheta = Math.Atan2(Math.Sqrt(t1 * t1 + t2 * t2), distance);
                Q[row * Columns + column] = 4 * Math.PI / WavelengthNm * Math.Sin(twoTheta / 2);
                ChiModelDeg[row * Columns + column] = Math.Atan2(-t1, t2) * 180 / Math.PI;
            }
        }
    }

    public int Rows { get; }

    public int Columns { get; }

    public double WavelengthNm { get; }

    public double[] Q { get; }

    public double[] ChiModelDeg { get; }

    /// <summary>S per pixel for beam path <paramref name="path"/> (model units, before gain · I0 · t · T).</summary>
    public double[] Signal(int path, bool fibres = true, bool background = true)
    {
        var signal = new double[Q.Length];
        if (fibres)
        {
            foreach (var (number, weight, alpha, beta) in truth.Crossings(path))
            {
                var kernel = truth.Kernel(number, alpha, beta);
                var factor = weight * truth.Amplitude(number);
                for (var p = 0; p < signal.Length; p++)
                {
                    signal[p] += factor * kernel.IntensityAtLab(EwaldSphere.Sample(Q[p], ChiModelDeg[p], WavelengthNm));
                }
            }
        }

        if (background)
        {
            AddBackground(signal, truth.Kapton[path], truth.Buffer[path], truth.Sample[path]);
        }

        return signal;
    }

    /// <summary>Adds L_k·σ_k + L_b·σ_b + L_s·σ_s + σ_air, with the σ forms written out from docs/phantom.md.</summary>
    public void AddBackground(double[] signal, double kapton, double buffer, double sample)
    {
        var (ka, kq, kb) = (truth.Scattering("Kapton", "A"), truth.Scattering("Kapton", "QNm"), truth.Scattering("Kapton", "B"));
        var (c0, c1) = (truth.Scattering("Buffer", "C0"), truth.Scattering("Buffer", "C1"));
        var (sa, sq) = (truth.Scattering("Tissue", "A"), truth.Scattering("Tissue", "QNm"));
        var (a0, a1, aq) = (truth.Scattering("Air", "A0"), truth.Scattering("Air", "A1"), truth.Scattering("Air", "QNm"));
        for (var p = 0; p < signal.Length; p++)
        {
            var q = Q[p];
            signal[p] += kapton * (ka / Math.Pow(1 + q * q / (kq * kq), 2) + kb)
                         + buffer * (c0 + c1 * q * q)
                         + sample * sa / (1 + q * q / (sq * sq))
                         + a0 + a1 * Math.Exp(-q / aq);
        }
    }

    /// <summary>T = exp(−Σ μ·L) with μ from model.json (mm⁻¹) and L in µm.</summary>
    public static double Transmission(JsonElement spec, double kapton, double buffer, double sample)
    {
        var mu = spec.GetProperty("Scattering").GetProperty("AttenuationPerMm");
        return Math.Exp(-(mu.GetProperty("Kapton").GetDouble() * kapton + mu.GetProperty("Buffer").GetDouble() * buffer
                          + mu.GetProperty("Tissue").GetDouble() * sample) / 1000);
    }
}
