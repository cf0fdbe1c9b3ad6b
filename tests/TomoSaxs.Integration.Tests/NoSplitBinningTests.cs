using TomoSaxs.Geometry;
using Xunit.Abstractions;

namespace TomoSaxs.Integration.Tests;

/// <summary>
/// Without pixel splitting every pixel goes whole into the one bin holding its centre, or nowhere: each unmasked
/// pixel whose (q, χ) centre lies inside both axes appears in exactly one row with weight exactly 1, the bin whose
/// edges bracket its centre; masked pixels and pixels whose centre is outside appear nowhere.
/// </summary>
public sealed class NoSplitBinningTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Detectors =>
        from tilted in new[] { false, true }
        from convention in new[] { AzimuthConvention.PyFai, AzimuthConvention.Pipeline }
        select new object[] { tilted, convention };

    [Theory]
    [MemberData(nameof(Detectors))]
    public void CakePixelsGoWholeIntoTheBinOfTheirCentre(bool tilted, AzimuthConvention convention)
    {
        var (map, mask) = Synthetic(tilted);
        // Data-derived ranges on both axes: the extreme centres must land in the first and last bins.
        var op = CakeOperator.Build(map, mask, new CakeSpec(40, 72, Convention: convention, Splitting: PixelSplitting.None));

        var binned = AssertWholePixels(map, mask, convention, op.Matrix, op.Radial, op.Azimuthal,
            row => (row % op.Radial.Bins, row / op.Radial.Bins));

        output.WriteLine($"tilted={tilted} {convention}: {binned} of {map.PixelCount} pixels binned");
        Assert.Equal(mask.Excluded.ToArray().Count(e => !e), binned);
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void BandPixelsGoWholeIntoTheChiBinOfTheirCentre(bool tilted, AzimuthConvention convention)
    {
        var (map, mask) = Synthetic(tilted);
        var range = convention == AzimuthConvention.PyFai ? new ValueRange(90, 180) : new ValueRange(90, 270);
        var op = AzimuthalBandOperator.Build(map, mask,
            new AzimuthalBandSpec(new ValueRange(0.02, 0.04), 30, range, 10, convention, PixelSplitting.None));

        var binned = AssertWholePixels(map, mask, convention, op.Matrix, op.Radial, op.Azimuthal, row => (null, row));

        output.WriteLine($"tilted={tilted} {convention}: {binned} of {map.PixelCount} pixels in the band");
        Assert.True(binned > 100, $"only {binned} pixels in the band");
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void GoldenCakePixelsGoWholeIntoTheBinOfTheirCentre(string name)
    {
        var golden = GoldenCase.Load(name);
        var op = CakeOperator.Build(golden.Map, golden.Mask,
            new CakeSpec(100, 360, GoldenCase.IntegrationRangeNm, Splitting: PixelSplitting.None));

        var binned = AssertWholePixels(golden.Map, golden.Mask, AzimuthConvention.PyFai, op.Matrix, op.Radial, op.Azimuthal,
            row => (row % op.Radial.Bins, row / op.Radial.Bins));

        output.WriteLine($"{name}: {binned} of {golden.Map.PixelCount} pixels binned");
    }

    /// <summary>
    /// Checks the whole-pixel rule for every pixel and returns how many pixels the operator holds; <c>bins</c> gives
    /// the (q bin, or null when rows do not resolve q; χ bin) of an operator row.
    /// </summary>
    private static int AssertWholePixels(
        PixelMap map, DetectorMask mask, AzimuthConvention convention, CsrOperator matrix, BinAxis radial, BinAxis azimuthal,
        Func<int, (int? Radial, int Azimuthal)> bins)
    {
        var rowOf = new int[map.PixelCount];
        Array.Fill(rowOf, -1);
        var rowPointers = matrix.RowPointers;
        var pixels = matrix.PixelIndices;
        var weights = matrix.Weights;
        for (var row = 0; row < matrix.RowCount; row++)
        {
            for (var k = rowPointers[row]; k < rowPointers[row + 1]; k++)
            {
                Assert.Equal(1.0, weights[k]);
                Assert.True(rowOf[pixels[k]] < 0, $"pixel {pixels[k]} is in rows {rowOf[pixels[k]]} and {row}");
                rowOf[pixels[k]] = row;
            }
        }

        var q = map.QNm;
        var chi = map.ChiRad(convention);
        var excluded = mask.Excluded;
        var binned = 0;
        for (var pixel = 0; pixel < map.PixelCount; pixel++)
        {
            var inside = Inside(q[pixel], radial) && Inside(chi[pixel], azimuthal);
            if (excluded[pixel] || !inside)
            {
                Assert.True(rowOf[pixel] < 0, $"pixel {pixel} (masked {excluded[pixel]}, inside {inside}) is in row {rowOf[pixel]}");
                continue;
            }

            Assert.True(rowOf[pixel] >= 0, $"unmasked pixel {pixel} with its centre inside is in no row");
            var (radialBin, azimuthalBin) = bins(rowOf[pixel]);
            if (radialBin is { } r)
            {
                AssertBrackets(radial, r, q[pixel], "q", pixel);
            }

            AssertBrackets(azimuthal, azimuthalBin, chi[pixel], "χ", pixel);
            binned++;
        }

        return binned;
    }

    /// <summary>The axis runs from Lower (inclusive) to the float32-widened Upper (exclusive).</summary>
    private static bool Inside(double value, BinAxis axis) => value >= axis.Lower && value < axis.Upper;

    private static void AssertBrackets(BinAxis axis, int bin, double value, string what, int pixel)
    {
        var low = axis.Lower + bin * axis.Width;
        var high = axis.Lower + (bin + 1) * axis.Width;
        var slack = 1e-12 * axis.Width;
        Assert.True(value >= low - slack && value < high + slack,
            $"pixel {pixel}: {what} = {value} is not in bin {bin} [{low}, {high})");
    }

    private static (PixelMap Map, DetectorMask Mask) Synthetic(bool tilted)
    {
        const int rows = SyntheticDetector.Rows, cols = SyntheticDetector.Cols;
        var map = PixelMap.Create(SyntheticDetector.Geometry(tilted), rows, cols);
        var mask = DetectorMask.FromValues<byte>(SyntheticDetector.MaskValues(rows, cols), rows, cols);
        return (map, mask);
    }
}
