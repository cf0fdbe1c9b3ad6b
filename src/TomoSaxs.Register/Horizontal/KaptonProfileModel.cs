namespace TomoSaxs.Register.Horizontal;

/// <summary>
/// The frame-sum profile a Kapton tube gives across the raster, as a model to fit (registration note §11.4,
/// refining the wall peaks): near the walls a frame's total is b₀ + b₁·K(x − c) + b₂·D(x − c), with K the
/// beam-averaged Kapton chord (annulus of outer radius R and inner r) and D the beam-averaged chord of the tube's
/// inside (buffer), both at lateral distance x − c from the tube centre c and averaged over the Gaussian beam.
/// Fitting c by least squares over the frames within reach of the walls uses the whole shape of both wall peaks,
/// so the centre does not depend on where the raster samples the sharp peaks (a three-point parabola through a
/// peak sampled at one step per FWHM is biased by up to a tenth of a step, differently at each wall).
/// </summary>
public sealed class KaptonProfileModel
{
    private const double TableStepUm = 0.25;
    private readonly double[] kapton;
    private readonly double[] inside;

    /// <summary>Tabulates the beam-averaged chords.</summary>
    /// <param name="outerRadiusUm">The tube's outer radius R, µm.</param>
    /// <param name="innerRadiusUm">Its inner radius r, µm.</param>
    /// <param name="sigmaUm">The beam's σ across the raster, µm; 0 = the chords along the beam's centre line.</param>
    /// <exception cref="ArgumentException">The radii are not positive and ordered, or σ is negative.</exception>
    public KaptonProfileModel(double outerRadiusUm, double innerRadiusUm, double sigmaUm)
    {
        if (!(innerRadiusUm > 0 && outerRadiusUm > innerRadiusUm && sigmaUm >= 0))
        {
            throw new ArgumentException($"The tube radii (outer {outerRadiusUm} µm, inner {innerRadiusUm} µm) and beam σ ({sigmaUm} µm) must be positive (σ ≥ 0), outer > inner.");
        }

        (OuterRadiusUm, InnerRadiusUm, SigmaUm) = (outerRadiusUm, innerRadiusUm, sigmaUm);
        var count = (int)Math.Ceiling((outerRadiusUm + 6 * sigmaUm) / TableStepUm) + 2;
        var offsets = new List<(double U, double G)>();
        if (sigmaUm == 0)
        {
            offsets.Add((0, 1));
        }

        for (var u = -5 * sigmaUm; sigmaUm > 0 && u <= 5 * sigmaUm; u += 0.5)
        {
            offsets.Add((u, Math.Exp(-u * u / (2 * sigmaUm * sigmaUm))));
        }

        var norm = offsets.Sum(o => o.G);
        kapton = new double[count];
        inside = new double[count];
        for (var k = 0; k < count; k++)
        {
            var t = k * TableStepUm;
            double sk = 0, si = 0;
            foreach (var (u, g) in offsets)
            {
                var d = t + u;
                var disc = Chord(innerRadiusUm, d);
                sk += g * (Chord(outerRadiusUm, d) - disc);
                si += g * disc;
            }

            (kapton[k], inside[k]) = (sk / norm, si / norm);
        }
    }

    /// <summary>R, µm.</summary>
    public double OuterRadiusUm { get; }

    /// <summary>r, µm.</summary>
    public double InnerRadiusUm { get; }

    /// <summary>σ, µm.</summary>
    public double SigmaUm { get; }

    /// <summary>The beam-averaged Kapton chord at lateral distance <paramref name="t"/> from the centre, µm.</summary>
    public double Kapton(double t) => Lookup(kapton, Math.Abs(t));

    /// <summary>The beam-averaged chord of the tube's inside at distance <paramref name="t"/>, µm.</summary>
    public double Inside(double t) => Lookup(inside, Math.Abs(t));

    /// <summary>
    /// The tube centre (motor µm) that best explains the frames near the walls, searched within
    /// ±<paramref name="searchUm"/> of <paramref name="startUm"/> (e.g. the midpoint of the wall peaks).
    /// </summary>
    /// <param name="profile">Frame sums along the raster.</param>
    /// <param name="xUm">Motor x of each frame, µm.</param>
    /// <param name="startUm">The first estimate of the centre, µm.</param>
    /// <param name="searchUm">How far from it to search, µm.</param>
    /// <param name="marginUm">Frames within the wall ± this margin take part, µm (e.g. two raster steps).</param>
    /// <returns>The centre, or <paramref name="startUm"/> when fewer than five frames lie near the walls.</returns>
    public double FitCentre(IReadOnlyList<double> profile, IReadOnlyList<double> xUm, double startUm, double searchUm, double marginUm)
    {
        var mid = 0.5 * (OuterRadiusUm + InnerRadiusUm);
        var half = 0.5 * (OuterRadiusUm - InnerRadiusUm) + marginUm + searchUm;
        var frames = Enumerable.Range(0, profile.Count).Where(i => Math.Abs(Math.Abs(xUm[i] - startUm) - mid) <= half).ToArray();
        if (frames.Length < 5)
        {
            return startUm;
        }

        const double step = 0.5;
        var n = (int)Math.Round(searchUm / step);
        var residuals = new double[2 * n + 1];
        for (var k = -n; k <= n; k++)
        {
            residuals[k + n] = Residual(profile, xUm, frames, startUm + k * step);
        }

        var best = Array.IndexOf(residuals, residuals.Min());
        var centre = startUm + (best - n) * step;
        if (best > 0 && best < residuals.Length - 1)
        {
            var curvature = residuals[best - 1] - 2 * residuals[best] + residuals[best + 1];
            if (curvature > 0)
            {
                centre += step * Math.Clamp(0.5 * (residuals[best - 1] - residuals[best + 1]) / curvature, -0.5, 0.5);
            }
        }

        return centre;
    }

    /// <summary>The residual sum of squares of the linear fit b₀ + b₁·K + b₂·D at centre c.</summary>
    private double Residual(IReadOnlyList<double> profile, IReadOnlyList<double> xUm, int[] frames, double c)
    {
        // Normal equations of a 3-parameter linear least-squares fit.
        var ata = new double[3, 3];
        var atb = new double[3];
        foreach (var i in frames)
        {
            var row = new[] { 1.0, Kapton(xUm[i] - c), Inside(xUm[i] - c) };
            for (var a = 0; a < 3; a++)
            {
                atb[a] += row[a] * profile[i];
                for (var b = 0; b < 3; b++)
                {
                    ata[a, b] += row[a] * row[b];
                }
            }
        }

        var solution = Solve3(ata, atb);
        var sum = 0.0;
        foreach (var i in frames)
        {
            var model = solution[0] + solution[1] * Kapton(xUm[i] - c) + solution[2] * Inside(xUm[i] - c);
            sum += (profile[i] - model) * (profile[i] - model);
        }

        return sum;
    }

    private static double[] Solve3(double[,] a, double[] b)
    {
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(a);
        var v = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b);
        return m.Svd().Solve(v).ToArray();
    }

    private static double Chord(double radius, double d) => Math.Abs(d) < radius ? 2 * Math.Sqrt(radius * radius - d * d) : 0;

    private static double Lookup(double[] table, double t)
    {
        var position = t / TableStepUm;
        var k = (int)position;
        if (k >= table.Length - 1)
        {
            return table[^1];
        }

        var f = position - k;
        return table[k] * (1 - f) + table[k + 1] * f;
    }
}
