using TomoSaxs.Geometry;
namespace TomoSaxs.Integration.Tests;

/// <summary>Applying operators: parallel frames, hyperslab windows, element types, non-finite pixels.</summary>
public sealed class OperatorApplicationTests
{
    [Fact]
    public void ParallelApplicationIsBitIdenticalToSerial()
    {
        var golden = GoldenCase.Load("tilted");
        var op = BandDifferenceOperator.Build(golden.Map, golden.Mask, BandDifferenceSpec.AroundPeak());
        var frames = Enumerable.Range(0, 24).Select(seed => Perturbed(golden.Frame, seed)).ToArray();

        var serial = frames.Select(f => op.Integrate<float>(f)).ToArray();
        var parallel = op.IntegrateMany(frames, maxDegreeOfParallelism: 4);

        for (var i = 0; i < frames.Length; i++)
        {
            Assert.Equal(Bits(serial[i].Difference), Bits(parallel[i].Difference));
            Assert.Equal(Bits(serial[i].Peak), Bits(parallel[i].Peak));
        }
    }

    [Fact]
    public void WindowedApplicationEqualsFullFrame()
    {
        var golden = GoldenCase.Load("flat");
        var spec = new AnalysisSpec(BandDifferenceSpec.AroundPeak(), 100, new ValueRange(0.257179, 0.307179));
        var operators = new AnalysisOperators(golden.Poni.Geometry, golden.Mask, spec);
        var window = operators.Window;
        var slab = new float[window.PixelCount];
        for (var row = 0; row < window.RowCount; row++)
        {
            Array.Copy(golden.Frame, (window.RowStart + row) * golden.Cols + window.ColStart, slab, row * window.ColCount, window.ColCount);
        }

        var full = operators.Integrate<float>(golden.Frame);
        var windowed = operators.IntegrateWindow<float>(slab);

        Assert.Equal(full.AzimuthalProfile.Difference, windowed.AzimuthalProfile.Difference);
        Assert.Equal(full.RadialProfile, windowed.RadialProfile);
        Assert.True(window.PixelCount < golden.Rows * golden.Cols / 2, $"window {window} is not a small part of the frame");
        // The analysed half is left of the beam centre (column 260.7). pyFAI's truncation rule also takes pixels whose
        // χ box ends less than one bin (1°) short of 90°/270°, i.e. up to r·tan 1° ≈ 4.3 px right of the centre
        // column at the outer band edge (r ≈ 246 px); nothing further right is read.
        Assert.True(window.ColEnd <= 266, $"window {window} reaches into the right half");
    }

    [Fact]
    public void AWindowMissingOperatorPixelsIsRejected()
    {
        var golden = GoldenCase.Load("flat");
        var op = AzimuthalBandOperator.Build(golden.Map, golden.Mask,
            new AzimuthalBandSpec(golden.Band("peak"), 90, new ValueRange(90, 180)));
        var box = op.Matrix.PixelBox;

        Assert.Throws<ArgumentException>(() => op.Matrix.ForWindow(box with { RowCount = box.RowCount - 1 }));
        Assert.Throws<ArgumentException>(() => op.Matrix.Integrate<float>(new float[10]));
    }

    [Fact]
    public void IntegerFramesGiveTheSameResultAsTheirFloatCopies()
    {
        var golden = GoldenCase.Load("flat");
        var op = RadialProfileOperator.Build(golden.Map, golden.Mask,
            new RadialProfileSpec(300, PixelSplitting.BoundingBox, GoldenCase.IntegrationRangeNm));
        var integers = golden.Frame.Select(v => (int)v).ToArray();
        var floats = integers.Select(v => (float)v).ToArray();
        var unsigned = integers.Select(v => (uint)Math.Max(v, 0)).ToArray();

        Assert.Equal(op.Integrate<float>(floats), op.Integrate<int>(integers));
        // Gap pixels read −1 but are masked, so clamping them changes nothing.
        Assert.Equal(op.Integrate<float>(floats), op.Integrate<uint>(unsigned));
    }

    [Fact]
    public void NonFinitePixelsAreSkippedLikeMaskedPixels()
    {
        var golden = GoldenCase.Load("tilted");
        var spec = new AzimuthalBandSpec(golden.Band("peak"), 90, new ValueRange(-180, -90));
        var op = AzimuthalBandOperator.Build(golden.Map, golden.Mask, spec);
        var poisoned = golden.Frame.ToArray();
        var pixels = op.Matrix.PixelIndices.ToArray().Distinct().Take(3).ToArray();
        poisoned[pixels[0]] = float.NaN;
        poisoned[pixels[1]] = float.PositiveInfinity;
        poisoned[pixels[2]] = float.NegativeInfinity;
        var maskValues = golden.MaskValues.ToArray();
        foreach (var p in pixels)
        {
            maskValues[p] = 1;
        }

        var withPoison = op.Integrate<float>(poisoned);
        var withMask = AzimuthalBandOperator.Build(golden.Map, DetectorMask.FromValues<byte>(maskValues, golden.Rows, golden.Cols), spec)
            .Integrate<float>(golden.Frame);

        Assert.All(withPoison, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(withMask, withPoison);
    }

    private static float[] Perturbed(float[] frame, int seed)
    {
        var random = new Random(seed);
        return frame.Select(v => v < 0 ? v : v * (0.5f + (float)random.NextDouble())).ToArray();
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
