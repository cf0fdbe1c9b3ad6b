using Xunit.Abstractions;

namespace TomoSaxs.Integration.Tests;

/// <summary>The full-size Pilatus 2M operators the benchmark uses.</summary>
public sealed class I22ReferenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Pilatus2MOperatorsReadOnlyTheLeftHalfAnnulusAndGiveAFlatProfileForAFlatFrame()
    {
        var operators = I22Reference.BuildPilatus2MOperators();
        var window = operators.Window;
        output.WriteLine($"window {window}, band entries {operators.Bands.Matrix.NonZeroCount}, " +
                         $"I(q) entries {operators.Radial.Matrix.NonZeroCount}");

        Assert.Equal(540, operators.Bands.Matrix.RowCount);
        Assert.Equal(300, operators.Radial.Matrix.RowCount);
        // Bands reach 0.307 nm⁻¹ ≈ 246 px from the centre (row 949.1, column 685.1); only the left half is read.
        Assert.InRange(window.RowStart, 949 - 250, 949 - 240);
        Assert.InRange(window.RowEnd, 949 + 240, 949 + 250);
        Assert.InRange(window.ColStart, 685 - 250, 685 - 240);
        Assert.InRange(window.ColEnd, 685, 690);
        Assert.True(window.PixelCount < 0.06 * I22Reference.Rows * I22Reference.Cols);

        var flat = Enumerable.Repeat(1000, I22Reference.Rows * I22Reference.Cols).ToArray();
        var result = operators.Integrate<int>(flat);

        // A flat frame gives I = 1000/Ω with Ω ≥ 0.99997 in every band, so the band difference is ~0.
        Assert.All(result.AzimuthalProfile.Peak, v => Assert.InRange(v, 1000.0, 1000.1));
        Assert.All(result.AzimuthalProfile.Difference, v => Assert.InRange(v, -1e-3, 1e-3));
        Assert.All(result.RadialProfile, v => Assert.InRange(v, 1000.0, 1000.1));
    }
}
