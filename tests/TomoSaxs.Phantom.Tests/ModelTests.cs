using TomoSaxs.FibreModel;
using Xunit.Abstractions;

namespace TomoSaxs.Phantom.Tests;

/// <summary>The pieces of the phantom's science against brute-force or textbook references.</summary>
public sealed class ModelTests(ITestOutputHelper output)
{
    private static readonly Lazy<GeneratedScan> Planned = new(() => new GeneratedScan(TinyScan.Yaml(seed: 21), generate: false));

    private static PhantomPlan Plan => Planned.Value.Plan;

    [Fact]
    public void Beam_weight_equals_a_brute_force_sum_over_the_fibre_volume()
    {
        var raster = Plan.Raster;
        var voxel = Plan.Ct.Fibre.VoxelUm;
        var checkedCases = 0;
        // Three fibres whose centre lies in a slice's slab, one per angle.
        var chosen = Plan.Fibres.Where(f => Enumerable.Range(0, raster.Slices).Any(j => raster.Slab(j).Low < f.CentreH && raster.Slab(j).High > f.CentreH))
            .Where((_, k) => k % 4 == 0).Take(3).ToList();
        foreach (var (segment, angle) in chosen.Select((f, k) => (f, k)))
        {
            var fibre = segment.Id;
            var frame = Plan.Frames[angle];
            var slice = Enumerable.Range(0, raster.Slices).First(j => raster.Slab(j).Low < segment.CentreH && raster.Slab(j).High > segment.CentreH);
            var (low, high) = raster.Slab(slice);
            var centre = frame.LabX(segment.CentreX, segment.CentreZ);
            var position = Enumerable.Range(0, raster.Positions).MinBy(i => Math.Abs(raster.LateralUm[i] - centre));
            var u = raster.LateralUm[position] + 20;

            var analytic = BeamWeights.Weight(BeamWeights.Lines(segment), frame, u, low, high, raster.SigmaUm, voxel);
            var brute = BruteForceWeight(segment, frame, u, low, high, raster.SigmaUm, voxel);

            Assert.True(analytic > 0.1, $"fibre {fibre} weight {analytic}");
            output.WriteLine($"fibre {fibre}: quadrature {analytic:F5}, brute force {brute:F5} voxels, relative difference {(analytic - brute) / brute:E2}");
            Assert.Equal(brute, analytic, 0.01 * brute);
            checkedCases++;
        }

        Assert.Equal(3, checkedCases);
    }

    [Theory]
    [InlineData(0.0, 1.0, -50, 50, 40)]
    [InlineData(30, -0.4, 0, 300, 42.5)]
    [InlineData(300, 0.2, 0, 100, 42.5)]   // far tail: erfc differences, no cancellation
    [InlineData(-350, -0.9, 10, 120, 20)]
    [InlineData(12, 1e-9, 0, 250, 42.5)]   // a line almost along the beam
    public void Gaussian_along_a_line_matches_numerical_quadrature(double a, double b, double t1, double t2, double sigma)
    {
        const int steps = 200_000;
        var h = (t2 - t1) / steps;
        var sum = 0.0;
        for (var k = 0; k <= steps; k++)
        {
            var x = a + b * (t1 + k * h);
            var f = Math.Exp(-x * x / (2 * sigma * sigma));
            sum += (k == 0 || k == steps ? 1 : k % 2 == 1 ? 4 : 2) * f;
        }

        var simpson = sum * h / 3;

        Assert.Equal(simpson, BeamWeights.GaussianAlongLine(a, b, t1, t2, sigma), Math.Max(1e-9 * simpson, 1e-300));
    }

    [Fact]
    public void Path_lengths_equal_a_march_along_the_beam_through_the_materials()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 40; trial++)
        {
            var frame = new RotationFrame(random.NextDouble() * 360 - 180, trial % 2 == 0 ? -1 : 1);
            var u = random.NextDouble() * 2200 - 1100;
            var h = random.NextDouble() * 1000 - 200;
            var paths = Plan.Geometry.Paths(frame, u, h);
            const double step = 0.25;
            double kapton = 0, buffer = 0, tissue = 0, bone = 0;
            for (var depth = -1200 + step / 2; depth < 1200; depth += step)
            {
                var (x, z) = frame.SamplePoint(u, depth);
                switch (Plan.Geometry.MaterialAt(x, z, h))
                {
                    case Material.Kapton: kapton += step; break;
                    case Material.Buffer: buffer += step; break;
                    case Material.Tissue: tissue += step; break;
                    case Material.Bone: bone += step; break;
                }
            }

            Assert.Equal(kapton, paths.Kapton, 2.0);
            Assert.Equal(buffer, paths.Buffer, 2.0);
            Assert.Equal(tissue, paths.Tissue, 2.0);
            Assert.Equal(bone, paths.Bone, 2.0);
        }
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(3.0)]
    [InlineData(9.99)]
    [InlineData(10.0)]
    [InlineData(57.0)]
    [InlineData(4000.0)]
    public void Poisson_draws_have_the_mean_and_variance_of_a_Poisson_law(double mean)
    {
        const int draws = 200_000;
        var random = new PhantomRandom(5, "poisson-test", (long)(mean * 100));
        double sum = 0, squares = 0, zeros = 0;
        for (var k = 0; k < draws; k++)
        {
            double value = PoissonSampler.Sample(random, mean);
            sum += value;
            squares += value * value;
            zeros += value == 0 ? 1 : 0;
        }

        var sampleMean = sum / draws;
        var variance = squares / draws - sampleMean * sampleMean;
        Assert.Equal(mean, sampleMean, 5 * Math.Sqrt(mean / draws));
        // The variance of a sample variance of a Poisson law is about (2λ² + λ)/n.
        Assert.Equal(mean, variance, 5 * Math.Sqrt((2 * mean * mean + mean) / draws));
        Assert.Equal(Math.Exp(-mean), zeros / draws, 5 * Math.Sqrt(Math.Exp(-mean) / draws) + 1e-12);
    }

    [Fact]
    public void Random_streams_are_reproducible_and_independent_of_each_other()
    {
        double[] Draw(string purpose, long a) { var r = new PhantomRandom(9, purpose, a); return [.. Enumerable.Range(0, 5).Select(_ => r.NextDouble())]; }

        Assert.Equal(Draw("frame", 3), Draw("frame", 3));
        Assert.NotEqual(Draw("frame", 3), Draw("frame", 4));
        Assert.NotEqual(Draw("frame", 3), Draw("flux", 3));
        Assert.NotEqual(Draw("frame", 3), new PhantomRandom(10, "frame", 3) is var other ? Enumerable.Range(0, 5).Select(_ => other.NextDouble()).ToArray() : []);
    }

    [Fact]
    public void Rotating_the_sample_adds_s_theta_to_beta_as_the_fibre_model_defines_it()
    {
        foreach (var sign in new[] { -1, 1 })
        {
            foreach (var angle in new[] { -90.0, -22.5, 0, 45, 90 })
            {
                var frame = new RotationFrame(angle, sign);
                foreach (var fibre in Plan.Fibres.Take(10))
                {
                    var (ax, _, az) = fibre.Axis;
                    var lab = new FibreOrientation(fibre.AlphaDeg, frame.LabBetaDeg(fibre.BetaDeg)).Axis;
                    // Positions turn like directions: the lab x of the axis is the raster-axis component.
                    Assert.Equal(frame.LabXDirection(ax, az), lab.X, 1e-12);
                    Assert.Equal(sign * angle, frame.PhiDeg);
                }
            }
        }
    }

    [Fact]
    public void Fibres_lie_in_the_annulus_never_touch_and_draw_their_parameters_within_bounds()
    {
        var spec = Plan.Spec.Fibres;
        var fibres = Plan.Fibres;
        Assert.Equal(fibres.Count, fibres.Select(f => f.Id).Distinct().Count());
        Assert.Contains(fibres, f => f.Id != f.Number + 1);
        foreach (var fibre in fibres)
        {
            Assert.InRange(fibre.DPeriodNm, spec.DPeriodNm.Min, spec.DPeriodNm.Max);
            Assert.InRange(fibre.Parameters.Wa, spec.WaNm.Min, spec.WaNm.Max);
            Assert.InRange(fibre.Parameters.WMu, spec.WMuRad.Min, spec.WMuRad.Max);
            Assert.InRange(fibre.Parameters.Delta, spec.Delta.Min, spec.Delta.Max);
            Assert.InRange(fibre.Amplitude, spec.Amplitude.Min, spec.Amplitude.Max);
            Assert.InRange(fibre.BetaDeg, 0, 180);
            Assert.Equal(spec.TiltDeg, Math.Abs(90 - fibre.AlphaDeg), 1e-9);
            Assert.True(Plan.Geometry.DiscOutline(fibre.CentreH).Contains(fibre.CentreX, fibre.CentreZ));
            Assert.False(Plan.Geometry.Nucleus(fibre.CentreH).Contains(fibre.CentreX, fibre.CentreZ));
        }

        for (var i = 0; i < fibres.Count; i++)
        {
            for (var j = i + 1; j < fibres.Count; j++)
            {
                var distance = SegmentDistance.Between(Ends(fibres[i]).Start, Ends(fibres[i]).End, Ends(fibres[j]).Start, Ends(fibres[j]).End);
                Assert.True(distance >= fibres[i].RadiusUm + fibres[j].RadiusUm, $"fibres {fibres[i].Id} and {fibres[j].Id} touch");
            }
        }

        // Neighbouring lamellae are inclined the other way, so their fibres cross in projection: oriented along the
        // counter-clockwise ring direction (from +x towards +z), even lamellae rise and odd ones fall.
        foreach (var fibre in fibres)
        {
            var disc = Plan.Geometry.DiscOutline(fibre.CentreH);
            var (dx, dz) = (fibre.CentreX - disc.CentreX, fibre.CentreZ - disc.CentreZ);
            var (ax, ah, az) = fibre.Axis;
            var rising = Math.Sign(ah) * Math.Sign(ax * -dz + az * dx);
            Assert.Equal(fibre.Lamella % 2 == 0 ? 1 : -1, rising);
        }
    }

    private static ((double, double, double) Start, (double, double, double) End) Ends(FibreSegment fibre)
    {
        var (ax, ah, az) = fibre.Axis;
        var (sx, sh, sz) = fibre.Start;
        return ((sx, sh, sz), (sx + ax * fibre.LengthUm, sh + ah * fibre.LengthUm, sz + az * fibre.LengthUm));
    }

    /// <summary>Σ exp(−(x − u)²/2σ²)·dV over a 1 µm lattice filling the cylinder within the slab, in voxels.</summary>
    private static double BruteForceWeight(FibreSegment fibre, RotationFrame frame, double u, double low, double high, double sigma, double voxel)
    {
        const double step = 1.0;
        var (ax, ah, az) = fibre.Axis;
        var (e1x, e1h, e1z) = Normalise(az, 0, -ax);
        var (e2x, e2h, e2z) = (ah * e1z - az * e1h, az * e1x - ax * e1z, ax * e1h - ah * e1x);
        var (sx, sh, sz) = fibre.Start;
        var r = fibre.RadiusUm;
        var sum = 0.0;
        for (var t = step / 2; t < fibre.LengthUm; t += step)
        {
            for (var p = -r + step / 2; p < r; p += step)
            {
                for (var q = -r + step / 2; q < r; q += step)
                {
                    if (p * p + q * q > r * r)
                    {
                        continue;
                    }

                    var h = sh + t * ah + p * e1h + q * e2h;
                    if (h < low || h > high)
                    {
                        continue;
                    }

                    var x = frame.LabX(sx + t * ax + p * e1x + q * e2x, sz + t * az + p * e1z + q * e2z) - u;
                    sum += Math.Exp(-x * x / (2 * sigma * sigma));
                }
            }
        }

        return sum * step * step * step / (voxel * voxel * voxel);
    }

    private static (double, double, double) Normalise(double x, double h, double z)
    {
        var norm = Math.Sqrt(x * x + h * h + z * z);
        return (x / norm, h / norm, z / norm);
    }
}
