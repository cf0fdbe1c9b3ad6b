namespace TomoSaxs.FibreModel;

/// <summary>
/// The sampling grids of the reference method's simulated profiles, reproduced to the last bit because the
/// amplitude and reconstruction stages compare simulated and measured samples index by index.
/// </summary>
public static class ProfileGrids
{
    /// <summary>
    /// The q grid of a simulated I(χ) profile, in nm⁻¹: numpy <c>arange(q1, q2, dq)</c> with dq = (q2 − q1)/nq.
    /// As in numpy the length is ⌈(q2 − q1)/dq⌉ evaluated in floating point (so it can exceed nq by one when the
    /// quotient rounds up), and the values are q1 + j·δ with δ = (q1 + dq) − q1 rounded, not dq itself.
    /// </summary>
    /// <param name="q1">First q, in nm⁻¹.</param>
    /// <param name="q2">Exclusive end, in nm⁻¹ (q2 &gt; q1).</param>
    /// <param name="nq">Nominal number of points (≥ 1).</param>
    public static double[] QGrid(double q1, double q2, int nq)
    {
        if (nq < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(nq), nq, "nq must be at least 1.");
        }

        if (!double.IsFinite(q1) || !double.IsFinite(q2) || !(q2 > q1))
        {
            throw new ArgumentException($"The q range must be finite with q2 > q1 (got q1 = {q1}, q2 = {q2}).");
        }

        var dq = (q2 - q1) / nq;
        var length = (int)Math.Ceiling((q2 - q1) / dq);
        var grid = new double[length];
        grid[0] = q1;
        if (length > 1)
        {
            // numpy fills arange from its first two elements: step = (start + dq) − start after rounding.
            var second = q1 + dq;
            var step = second - q1;
            grid[1] = second;
            for (var j = 2; j < length; j++)
            {
                grid[j] = q1 + j * step;
            }
        }

        return grid;
    }

    /// <summary>
    /// An inclusive linear grid like numpy <c>linspace(start, stop, count)</c>: start + i·(stop − start)/(count − 1),
    /// with the last point set to <paramref name="stop"/> exactly. Used for χ grids, in degrees.
    /// </summary>
    public static double[] Linspace(double start, double stop, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1.");
        }

        var grid = new double[count];
        if (count == 1)
        {
            grid[0] = start;
            return grid;
        }

        var step = (stop - start) / (count - 1);
        for (var i = 0; i < count; i++)
        {
            grid[i] = i * step + start;
        }

        grid[count - 1] = stop;
        return grid;
    }

    /// <summary>
    /// The χ grid of an I(χ) profile in degrees (model convention): <c>linspace(chi1, chi2, nchi)</c>, inclusive
    /// of both ends (the amplitude stage uses 90…270°, the reconstruction 0…180°, both with 180 points).
    /// </summary>
    public static double[] ChiGrid(double chi1Deg, double chi2Deg, int nchi) => Linspace(chi1Deg, chi2Deg, nchi);

    /// <summary>
    /// The χ samples of a sector I(q) profile in degrees: <c>linspace(χc − h, χc + h, count)</c>. The reference
    /// uses h = 3° and 6 samples, i.e. χc − 3° + 1.2°·m for m = 0…5.
    /// </summary>
    /// <param name="centreDeg">Sector centre χc in degrees (model convention).</param>
    /// <param name="halfWidthDeg">Half width h in degrees.</param>
    /// <param name="count">Number of inclusive samples.</param>
    public static double[] SectorChi(double centreDeg, double halfWidthDeg = 3.0, int count = 6) =>
        Linspace(centreDeg - halfWidthDeg, centreDeg + halfWidthDeg, count);
}
