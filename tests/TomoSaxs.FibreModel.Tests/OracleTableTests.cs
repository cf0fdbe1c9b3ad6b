using Xunit.Abstractions;

namespace TomoSaxs.FibreModel.Tests;

/// <summary>
/// The oracle table of the reference note (amplitudes §2.5): q0 = 0.282179 nm⁻¹, wa = 0.002 nm⁻¹, wMu = 0.2 rad,
/// δ = 0.5, 30 q points over q0 ± 0.02 nm⁻¹, χ 0…180° (180 points), λ = 0.08856 nm, w = amp = 1. The table prints
/// four significant figures, so values are checked to half a unit in the last printed digit.
/// </summary>
public sealed class OracleTableTests(ITestOutputHelper output)
{
    private const double Q0 = 0.282179;
    private static readonly FibreParameters Parameters = new(Q0, 0.002, 0.2, 0.5);
    private static readonly EwaldGrid Grid = EwaldGrid.ForChiProfile(Q0 - 0.02, Q0 + 0.02, 30, 0, 180, 180, 0.08856);

    [Theory]
    [InlineData(30, 90, 60.335, 0.0005, 204.6, 0.05)]     // in-plane, χ* = 60°
    [InlineData(90, 90, 0.0, 0.0005, 204.7, 0.05)]        // in-plane, axis along x
    [InlineData(30, 0, 89.50, 0.005, 2.916, 0.0005)]      // 30° out of plane
    [InlineData(135, 45, 125.70, 0.005, 2.452, 0.0005)]
    public void PeakPositionAndHeightMatchTheTable(double alphaDeg, double betaDeg, double peakChiDeg, double chiTolerance, double peakValue, double valueTolerance)
    {
        var ichi = FibreProfiles.ChiProfile(Grid, Parameters, new FibreOrientation(alphaDeg, betaDeg));
        var peak = ArgMax(ichi);
        var chi = Grid.ChiDeg[peak];
        output.WriteLine($"α = {alphaDeg}°, β = {betaDeg}°: peak at χ = {chi:F3}° with I = {ichi[peak]:G6} (table: {peakChiDeg}°, {peakValue})");
        Assert.InRange(chi, peakChiDeg - chiTolerance, peakChiDeg + chiTolerance);
        Assert.InRange(ichi[peak], peakValue - valueTolerance, peakValue + valueTolerance);
    }

    [Fact]
    public void AFibreAlongTheBeamIsAlmostInvisible()
    {
        var ichi = FibreProfiles.ChiProfile(Grid, Parameters, new FibreOrientation(90, 0));
        var max = ichi.Max();
        output.WriteLine($"α = 90°, β = 0°: max I(χ) = {max:E4} (table ≈ 5.5e-14)");
        Assert.InRange(max, 5.45e-14, 5.55e-14);
    }

    [Fact]
    public void PoleIntensityIsThePeakNormalisation()
    {
        var kernel = new FibreKernel(Parameters, new FibreOrientation(0, 0));
        var atPole = kernel.IntensityAtFibre(0, Q0, 0);
        var expected = 1.0 / (2 * Math.PI * Parameters.Wa * Parameters.AlongSphereWidth);
        output.WriteLine($"I(0, q0, 0) = {atPole:F4} (table 1391.2)");
        Assert.Equal(expected, atPole, 1e-9 * expected);
        Assert.InRange(atPole, 1391.15, 1391.25);
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
