namespace TomoSaxs.FibreModel.Tests;

/// <summary>Physical and API properties of the fibre model that hold independently of the reference numbers.</summary>
public sealed class ModelPropertyTests
{
    private static readonly FibreParameters Typical = new(0.282179, 0.002, 0.2, 0.5);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 90)]
    [InlineData(135, 45)]
    [InlineData(100, 250)]
    public void FibreAxisIsTheFibreFrameYAxis(double alphaDeg, double betaDeg)
    {
        var orientation = new FibreOrientation(alphaDeg, betaDeg);
        var kernel = new FibreKernel(Typical, orientation);
        var n = orientation.Axis;
        Assert.Equal(1.0, n.Length, 1e-15);
        var inFibreFrame = kernel.ToFibreFrame(n);
        Assert.Equal(0.0, inFibreFrame.X, 1e-15);
        Assert.Equal(1.0, inFibreFrame.Y, 1e-15);
        Assert.Equal(0.0, inFibreFrame.Z, 1e-15);
    }

    [Fact]
    public void RotationPreservesLength()
    {
        var kernel = new FibreKernel(Typical, new FibreOrientation(123.4, 56.7));
        var lab = new Vec3(0.1, -0.25, 0.03);
        Assert.Equal(lab.Length, kernel.ToFibreFrame(lab).Length, 1e-16);
    }

    [Theory]
    [InlineData(30, 90)]
    [InlineData(60, 270)]
    [InlineData(150, 90)]
    public void AnInPlaneFibrePeaksAtChiStarAndChiStarPlus180(double alphaDeg, double betaDeg)
    {
        var orientation = new FibreOrientation(alphaDeg, betaDeg);
        Assert.Equal(0.0, orientation.Axis.Z, 1e-15);
        var chiStar = orientation.InPlanePeakChiDeg;
        // A fine χ grid over the full circle: the two highest local maxima sit at χ* and χ* + 180°.
        var chi = ProfileGrids.Linspace(0, 359.9, 3600);
        var grid = EwaldGrid.Create(ProfileGrids.QGrid(Typical.Q0 - 0.02, Typical.Q0 + 0.02, 30), chi, 0.08856);
        var ichi = FibreProfiles.ChiProfile(grid, Typical, orientation);
        var first = Wrap(chi[ArgMax(ichi, 0, 1800)]);
        var second = Wrap(chi[ArgMax(ichi, 1800, 3600)]);
        var peaks = new[] { first, second }.Order().ToArray();
        var expected = new[] { Wrap(chiStar), Wrap(chiStar + 180) }.Order().ToArray();
        Assert.Equal(expected[0], peaks[0], 0.2);
        Assert.Equal(expected[1], peaks[1], 0.2);
    }

    [Fact]
    public void InPlaneFibresAreSymmetricUnderChiPlus180ToOnePartInAThousand()
    {
        // Only the small q_z of the Ewald sphere breaks the symmetry (reference note §10).
        var orientation = new FibreOrientation(30, 90);
        var q = ProfileGrids.QGrid(Typical.Q0 - 0.02, Typical.Q0 + 0.02, 30);
        var lower = FibreProfiles.ChiProfile(EwaldGrid.Create(q, ProfileGrids.ChiGrid(0, 179, 180), 0.08856), Typical, orientation);
        var upper = FibreProfiles.ChiProfile(EwaldGrid.Create(q, ProfileGrids.ChiGrid(180, 359, 180), 0.08856), Typical, orientation);
        var peak = lower.Max();
        for (var i = 0; i < lower.Length; i++)
        {
            if (lower[i] > 1e-3 * peak)
            {
                Assert.True(Math.Abs(upper[i] - lower[i]) <= 1e-3 * lower[i], $"χ = {i}°: {lower[i]} vs {upper[i]}");
            }
        }
    }

    [Fact]
    public void IntensityFallsAsTheFibreTiltsTowardsTheBeam()
    {
        var grid = EwaldGrid.ForChiProfile(Typical.Q0 - 0.02, Typical.Q0 + 0.02, 30, 0, 180, 180, 0.08856);
        var previous = double.PositiveInfinity;
        foreach (var beta in new[] { 90.0, 70, 50, 30, 10 })
        {
            var peak = FibreProfiles.ChiProfile(grid, Typical, new FibreOrientation(90, beta)).Max();
            Assert.True(peak < previous, $"β = {beta}°: peak {peak} is not below {previous}");
            previous = peak;
        }
    }

    [Fact]
    public void TheOriginScattersNothing()
    {
        var kernel = new FibreKernel(Typical, new FibreOrientation(40, 20));
        Assert.Equal(0.0, kernel.IntensityAtFibre(0, 0, 0));
        Assert.Equal(0.0, kernel.IntensityAtLab(new Vec3(0, 0, 0)));
    }

    [Fact]
    public void IntensityIsClippedAtTheReferenceCeiling()
    {
        // 1/(2π·wa·w_E) ≈ 2.8e10 here, far above the 1e8 ceiling.
        var sharp = new FibreParameters(0.3, 1e-6, 1e-3, 0.5);
        var kernel = new FibreKernel(sharp, new FibreOrientation(0, 0));
        Assert.Equal(FibreKernel.MaxIntensity, kernel.IntensityAtFibre(0, 0.3, 0));
    }

    [Fact]
    public void FlatLimitIsAStreakAtTheMeridionalPlanes()
    {
        // As δ → 0 the sphere flattens into the planes y = ±q0: intensity depends on y, not on ρ, near the axis.
        var flat = new FibreKernel(new FibreParameters(0.28, 0.002, 0.2, 1e-6), new FibreOrientation(0, 0));
        var onAxis = flat.IntensityAtFibre(0, 0.28, 0);
        var offAxis = flat.IntensityAtFibre(0.001, 0.28, 0);
        var arc = flat.IntensityAtFibre(0.001, Math.Sqrt(0.28 * 0.28 - 0.001 * 0.001), 0);
        Assert.Equal(onAxis * Math.Exp(-0.5 * Math.Pow(0.001 / (0.28 * Math.Tan(0.2)), 2)), offAxis, 1e-6 * onAxis);
        Assert.True(arc < offAxis);
    }

    [Fact]
    public void SphericalLimitIsAnArcOfConstantQ()
    {
        var arcModel = new FibreKernel(new FibreParameters(0.28, 0.002, 0.2, 1.0), new FibreOrientation(0, 0));
        var tilt = 0.05;
        var onArc = arcModel.IntensityAtFibre(0.28 * Math.Sin(tilt), 0.28 * Math.Cos(tilt), 0);
        var expected = Math.Exp(-0.5 * Math.Pow(0.28 * tilt / (0.28 * Math.Tan(0.2)), 2)) / (2 * Math.PI * 0.002 * 0.28 * Math.Tan(0.2));
        Assert.Equal(expected, onArc, 1e-12 * expected);
    }

    [Fact]
    public void ProfilesAreLinearInAmplitudeAndWeight()
    {
        var grid = EwaldGrid.ForChiProfile(0.26, 0.30, 30, 90, 270, 180, 0.08856);
        var orientation = new FibreOrientation(120, 30);
        var unit = FibreProfiles.ChiProfile(grid, Typical, orientation);
        var scaled = FibreProfiles.ChiProfile(grid, Typical, orientation, amplitude: 1e5, weight: 0.25);
        for (var i = 0; i < unit.Length; i++)
        {
            Assert.Equal(unit[i] * 0.25 * 1e5, scaled[i], 1e-12 * Math.Max(scaled[i], 1e-300));
        }
    }

    [Fact]
    public void ProfileEvaluationIntoABufferDoesNotAllocate()
    {
        var grid = EwaldGrid.ForChiProfile(0.26, 0.30, 30, 90, 270, 180, 0.08856);
        var sector = EwaldGrid.ForSector(ProfileGrids.Linspace(0.25, 0.32, 50), 150, 0.08856);
        var kernel = new FibreKernel(Typical, new FibreOrientation(120, 30));
        var ichi = new double[grid.ChiCount];
        var iq = new double[sector.QCount];
        FibreProfiles.ChiProfile(grid, kernel, 1, 1, ichi);   // warm up the JIT
        FibreProfiles.SectorQProfile(sector, kernel, 1, 1, iq);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var repeat = 0; repeat < 10; repeat++)
        {
            FibreProfiles.ChiProfile(grid, kernel, 1, 1, ichi);
            FibreProfiles.SectorQProfile(sector, kernel, 1, 1, iq);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(ichi.Max() > 0 && iq.Max() > 0);
    }

    [Theory]
    [InlineData(0.0, 0.002, 0.2, 0.5)]
    [InlineData(0.28, 0.0, 0.2, 0.5)]
    [InlineData(0.28, 0.002, 0.0, 0.5)]
    [InlineData(0.28, 0.002, 1.6, 0.5)]   // a value in degrees by mistake would land here or beyond
    [InlineData(0.28, 0.002, 0.2, 0.0)]
    [InlineData(0.28, 0.002, 0.2, 1.5)]
    [InlineData(double.NaN, 0.002, 0.2, 0.5)]
    public void InvalidParametersAreRejected(double q0, double wa, double wMu, double delta)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FibreKernel(new FibreParameters(q0, wa, wMu, delta), new FibreOrientation(0, 0)));
    }

    [Fact]
    public void QBeyondTheEwaldSphereIsRejected()
    {
        var k = EwaldSphere.WaveNumber(0.08856);
        Assert.Throws<ArgumentOutOfRangeException>(() => EwaldSphere.Sample(2 * k * 1.001, 0, 0.08856));
        Assert.Throws<ArgumentOutOfRangeException>(() => EwaldSphere.Sample(0.28, 0, 0));
    }

    [Fact]
    public void DPeriodIsSixPiOverQ0()
    {
        Assert.Equal(66.8, new FibreParameters(6 * Math.PI / 66.8, 0.002, 0.2, 0.5).DPeriodNm, 1e-12);
    }

    [Fact]
    public void QGridLengthFollowsNumpyCeilingIncludingRoundUp()
    {
        // (q2 − q1)/dq evaluates to 27.000000000000004 here, so numpy's arange yields 28 points, not 27.
        var grid = ProfileGrids.QGrid(0.01, 0.02, 27);
        Assert.Equal(28, grid.Length);
        Assert.Equal(0.01, grid[0]);
        Assert.True(grid[^1] >= 0.02 - 1e-15, "the extra point sits at the (nominally excluded) end of the range");
    }

    private static int ArgMax(double[] values, int start, int end)
    {
        var best = start;
        for (var i = start + 1; i < end; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double Wrap(double deg) => ((deg % 360) + 360) % 360;
}
