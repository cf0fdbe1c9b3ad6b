using Xunit.Abstractions;

namespace TomoSaxs.FibreModel.Tests;

/// <summary>Point intensities and Ewald vectors against the reference implementation (300 random points).</summary>
public sealed class GoldenPointTests(ITestOutputHelper output)
{
    [Fact]
    public void EwaldVectorsMatchTheReference()
    {
        var worst = 0.0;
        foreach (var point in GoldenFibreReference.Instance.Points)
        {
            var q = EwaldSphere.Sample(point.Q, point.ChiDeg, point.WavelengthNm);
            var expected = new Vec3(point.QLab[0], point.QLab[1], point.QLab[2]);
            var error = (new Vec3(q.X - expected.X, q.Y - expected.Y, q.Z - expected.Z)).Length / expected.Length;
            worst = Math.Max(worst, error);
        }

        output.WriteLine($"worst |ΔQ_lab|/|Q_lab| over {GoldenFibreReference.Instance.Points.Count} points: {worst:E3}");
        Assert.True(worst <= 1e-15, $"Ewald vectors differ by {worst:E3} relative (tolerance 1e-15).");
    }

    [Fact]
    public void PointIntensitiesMatchTheReferenceToOnePartInABillion()
    {
        var worst = 0.0;
        var worstIndex = -1;
        var points = GoldenFibreReference.Instance.Points;
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var kernel = new FibreKernel(point.Parameters, point.Orientation);
            // Evaluate at the reference's own Q_lab so that this test isolates the intensity formula.
            var intensity = kernel.IntensityAtLab(new Vec3(point.QLab[0], point.QLab[1], point.QLab[2]));
            var relative = Math.Abs(intensity - point.Intensity) / Math.Abs(point.Intensity);
            if (relative > worst)
            {
                worst = relative;
                worstIndex = i;
            }

            // And end to end from (q, χ, λ).
            var endToEnd = kernel.IntensityAtLab(EwaldSphere.Sample(point.Q, point.ChiDeg, point.WavelengthNm));
            Assert.True(Math.Abs(endToEnd - point.Intensity) <= 1e-9 * Math.Abs(point.Intensity),
                $"point {i}: I(q, χ) = {endToEnd:R}, reference {point.Intensity:R}");
        }

        output.WriteLine($"worst relative intensity error over {points.Count} points: {worst:E3} (point {worstIndex})");
        Assert.True(worst <= 1e-9, $"point {worstIndex} differs by {worst:E3} relative (tolerance 1e-9).");
    }
}
