using TomoSaxs.Geometry;
using Xunit.Abstractions;

namespace TomoSaxs.Integration.Tests;

/// <summary>
/// The pipeline azimuth χ = (−χ_pyFAI) mod 360° (integration note §2.3): its flipped-PONI identity and its
/// orientation on the detector.
/// </summary>
public sealed class AzimuthConventionTests(ITestOutputHelper output)
{
    private static readonly ValueRange Band = new(0.02, 0.04);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PipelineChiEqualsPyFaiChiOfTheFlippedImageWithTheFlippedPoni(bool tilted)
    {
        const int rows = SyntheticDetector.Rows, cols = SyntheticDetector.Cols;
        var geometry = SyntheticDetector.Geometry(tilted);
        var original = PixelMap.Create(geometry, rows, cols);
        var flipped = PixelMap.Create(geometry.FlippedUpDown(rows), rows, cols);

        var worst = 0.0;
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < cols; col++)
            {
                var pipeline = original.ChiPipelineRad[row * cols + col] * (180.0 / Math.PI);
                var pyFaiFlipped = flipped.ChiPyFaiRad[(rows - 1 - row) * cols + col] * (180.0 / Math.PI);
                var difference = Math.Abs(pipeline - PythonModulo360(pyFaiFlipped));
                worst = Math.Max(worst, Math.Min(difference, 360.0 - difference));
                Assert.Equal(original.QNm[row * cols + col], flipped.QNm[(rows - 1 - row) * cols + col], 1e-15);
            }
        }

        output.WriteLine($"tilted={tilted}: worst |χ_pipeline − (χ'_pyFAI mod 360)| = {worst:E2}°");
        Assert.True(worst <= 1e-9, $"χ identity off by {worst:E2}°");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PipelineBandProfileEqualsPyFaiProfileOfTheFlippedFrame(bool tilted)
    {
        const int rows = SyntheticDetector.Rows, cols = SyntheticDetector.Cols;
        var geometry = SyntheticDetector.Geometry(tilted);
        var frame = SyntheticDetector.Frame(rows, cols, seed: 7);
        var maskValues = SyntheticDetector.MaskValues(rows, cols);
        var map = PixelMap.Create(geometry, rows, cols);
        var mask = DetectorMask.FromValues<byte>(maskValues, rows, cols);
        var flippedMap = PixelMap.Create(geometry.FlippedUpDown(rows), rows, cols);
        var flippedMask = DetectorMask.FromValues<byte>(SyntheticDetector.FlipUpDown(maskValues, rows, cols), rows, cols);
        var flippedFrame = SyntheticDetector.FlipUpDown(frame, rows, cols);

        // Pipeline χ [90°, 180°) on the original frame ≡ pyFAI χ' [90°, 180°) on the flipped frame: same bin edges.
        var pipelineUpper = AzimuthalBandOperator.Build(map, mask,
            new AzimuthalBandSpec(Band, 30, new ValueRange(90, 180), 10, AzimuthConvention.Pipeline)).Integrate<float>(frame);
        var pyFaiUpper = AzimuthalBandOperator.Build(flippedMap, flippedMask,
            new AzimuthalBandSpec(Band, 30, new ValueRange(90, 180), 10)).Integrate<float>(flippedFrame);
        // The bin next to 180° differs on purpose: there pyFAI's χ' has its ±180° seam (a pixel box crossing it is
        // clipped into the edge bin in pyFAI's convention but is whole in the pipeline's). Integration note §9.2.
        var (worstUpper, atUpper) = Compare.MaxRelative(pipelineUpper, pyFaiUpper, j => j != pipelineUpper.Length - 1);

        // Pipeline χ [180°, 270°) ≡ pyFAI χ' [−180°, −90°): pyFAI widens a negative upper edge by division instead of
        // multiplication, so edges move by ~1e-7 rad; a pixel box is ~1e-2 rad wide, so fractions and results move by
        // ~1e-6 relative.
        var pipelineLower = AzimuthalBandOperator.Build(map, mask,
            new AzimuthalBandSpec(Band, 30, new ValueRange(180, 270), 10, AzimuthConvention.Pipeline)).Integrate<float>(frame);
        var pyFaiLower = AzimuthalBandOperator.Build(flippedMap, flippedMask,
            new AzimuthalBandSpec(Band, 30, new ValueRange(-180, -90), 10)).Integrate<float>(flippedFrame);
        var (worstLower, atLower) = Compare.MaxRelative(pipelineLower, pyFaiLower, j => j != 0);

        output.WriteLine($"tilted={tilted}: [90,180) worst relative difference {worstUpper:E2} (bin {atUpper}); " +
                         $"[180,270) {worstLower:E2} (bin {atLower}); seam bins {Relative(pipelineUpper[^1], pyFaiUpper[^1]):E2}, " +
                         $"{Relative(pipelineLower[0], pyFaiLower[0]):E2}");
        Assert.True(worstUpper <= 1e-12, $"[90,180) differs by {worstUpper:E2}");
        Assert.True(worstLower <= 1e-5, $"[180,270) differs by {worstLower:E2}");
        Assert.Empty(Compare.EmptyMismatches(pipelineUpper, pyFaiUpper));
        Assert.Empty(Compare.EmptyMismatches(pipelineLower, pyFaiLower));
        Assert.Contains(pipelineUpper, v => v != 0.0);
    }

    [Fact]
    public void ArcInTheUpperLeftQuadrantAppearsBetween90And180Degrees()
    {
        const int rows = SyntheticDetector.Rows, cols = SyntheticDetector.Cols;
        var geometry = SyntheticDetector.Geometry(tilted: false);
        const double centreRow = 60.25, centreCol = 44.75;
        var frame = new float[rows * cols];
        var arcPixels = new List<int>();
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < cols; col++)
            {
                // Built from pixel coordinates only: "up" is towards row 0, "left" towards column 0.
                double up = centreRow - (row + 0.5), right = (col + 0.5) - centreCol;
                var radius = Math.Sqrt(up * up + right * right);
                var inUpperLeft = row + 0.5 < centreRow && col + 0.5 < centreCol;
                var onArc = inUpperLeft && radius is > 18 and < 30;
                var direction = Math.Atan2(up, right) * 180.0 / Math.PI;
                frame[row * cols + col] = 1f + (onArc ? (float)(100.0 * Math.Exp(-Math.Pow(direction - 135.0, 2) / 200.0)) : 0f);
                if (onArc)
                {
                    arcPixels.Add(row * cols + col);
                }
            }
        }

        var map = PixelMap.Create(geometry, rows, cols);
        Assert.All(arcPixels, p => Assert.InRange(map.ChiPipelineRad[p] * 180.0 / Math.PI, 90.0, 180.0));

        var op = AzimuthalBandOperator.Build(map, DetectorMask.AllValid(rows, cols),
            new AzimuthalBandSpec(Band, 36, new ValueRange(0, 360), 10, AzimuthConvention.Pipeline));
        var profile = op.Integrate<float>(frame);
        var peak = Array.IndexOf(profile, profile.Max());
        output.WriteLine($"peak bin centre {op.ChiCentresDeg[peak]:F2}° value {profile[peak]:F2}");

        Assert.InRange(op.ChiCentresDeg[peak], 90.0, 180.0);
        Assert.True(profile[peak] > 10.0);
        for (var j = 0; j < profile.Length; j++)
        {
            // Outside the quadrant (plus one bin for the pixel boxes) only the flat background of 1 remains.
            if (op.ChiCentresDeg[j] is < 80.0 or > 190.0)
            {
                Assert.InRange(profile[j], 0.99, 1.01);
            }
        }
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(90.0, 270.0)]
    [InlineData(-90.0, 90.0)]
    [InlineData(180.0, 180.0)]
    [InlineData(-180.0, 180.0)]
    [InlineData(135.5, 224.5)]
    public void PipelineAngleIsNegatedPyFaiAngleModulo360(double pyFai, double pipeline)
    {
        Assert.Equal(pipeline, AzimuthAngles.PipelineFromPyFaiDegrees(pyFai), 12);
        Assert.Equal(pipeline * Math.PI / 180.0, AzimuthAngles.PipelineFromPyFai(pyFai * Math.PI / 180.0), 12);
    }

    private static double Relative(double a, double e) => Math.Abs(a - e) / Math.Abs(e);

    private static double PythonModulo360(double degrees) => degrees - 360.0 * Math.Floor(degrees / 360.0);
}
