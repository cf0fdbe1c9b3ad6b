using TomoSaxs.Geometry;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Integration.Tests;

public sealed class OperatorCacheTests
{
    private static readonly RadialProfileSpec Spec = new(300, PixelSplitting.BoundingBox, GoldenCase.IntegrationRangeNm);

    [Fact]
    public void EqualInputsGiveTheSameInstance()
    {
        var golden = GoldenCase.Load("flat");
        var cache = new IntegrationOperatorCache();
        // An equal mask built separately: the key uses the mask's content, not its identity.
        var sameMask = TomoSaxs.Geometry.DetectorMask.FromValues<byte>(golden.MaskValues.ToArray(), golden.Rows, golden.Cols);

        var first = cache.RadialProfile(golden.Poni.Geometry, golden.Mask, Spec);
        var second = cache.RadialProfile(golden.Poni.Geometry with { }, sameMask, Spec with { });

        Assert.Same(first, second);
        Assert.Same(cache.PixelMap(golden.Poni.Geometry, golden.Rows, golden.Cols),
            cache.PixelMap(golden.Poni.Geometry, golden.Rows, golden.Cols));
    }

    [Fact]
    public void ChangedMaskGivesANewOperator()
    {
        var golden = GoldenCase.Load("flat");
        var cache = new IntegrationOperatorCache();
        var changed = golden.MaskValues.ToArray();
        var pixel = Array.FindIndex(changed, v => v == 0);
        changed[pixel] = 1;
        var changedMask = DetectorMask.FromValues<byte>(changed, golden.Rows, golden.Cols);

        var original = cache.RadialProfile(golden.Poni.Geometry, golden.Mask, Spec);
        var other = cache.RadialProfile(golden.Poni.Geometry, changedMask, Spec);

        Assert.NotSame(original, other);
        Assert.NotEqual(golden.Mask.ContentHash, changedMask.ContentHash);
    }

    [Fact]
    public void ChangedBinningOrGeometryGivesANewOperator()
    {
        var golden = GoldenCase.Load("flat");
        var cache = new IntegrationOperatorCache();

        var original = cache.RadialProfile(golden.Poni.Geometry, golden.Mask, Spec);

        Assert.NotSame(original, cache.RadialProfile(golden.Poni.Geometry, golden.Mask, Spec with { Bins = 299 }));
        Assert.NotSame(original, cache.RadialProfile(golden.Poni.Geometry with { Poni1Um = 51013.0 }, golden.Mask, Spec));
        Assert.NotSame(original, cache.RadialProfile(golden.Poni.Geometry, golden.Mask, Spec with { Splitting = PixelSplitting.None }));
    }

    [Fact]
    public void ChangedSplittingGivesANewOperatorForEveryKind()
    {
        var golden = GoldenCase.Load("flat");
        var geometry = golden.Poni.Geometry;
        var cache = new IntegrationOperatorCache();
        var cake = new CakeSpec(100, 360, GoldenCase.IntegrationRangeNm);
        var band = new AzimuthalBandSpec(golden.Band("peak"), 90, new ValueRange(90, 180));
        var bands = BandDifferenceSpec.AroundPeak();

        Assert.NotSame(cache.Cake(geometry, golden.Mask, cake),
            cache.Cake(geometry, golden.Mask, cake with { Splitting = PixelSplitting.None }));
        Assert.NotSame(cache.AzimuthalBand(geometry, golden.Mask, band),
            cache.AzimuthalBand(geometry, golden.Mask, band with { Splitting = PixelSplitting.None }));
        var split = cache.BandDifference(geometry, golden.Mask, bands);
        var whole = cache.BandDifference(geometry, golden.Mask, bands with { Splitting = PixelSplitting.None });
        Assert.NotSame(split, whole);
        Assert.NotSame(split.Peak, whole.Peak);
        // The defaults keep the historical bounding-box behaviour.
        Assert.Equal(PixelSplitting.BoundingBox, split.Peak.Spec.Splitting);
        Assert.Equal(PixelSplitting.None, whole.Peak.Spec.Splitting);
    }

    [Fact]
    public void AnalysisSplittingReachesEveryIntegration()
    {
        var spec = AnalysisSpec.ReferenceDefaults(splitting: PixelSplitting.None);

        Assert.Equal(PixelSplitting.None, spec.RadialSpec.Splitting);
        Assert.Equal(PixelSplitting.None, spec.Bands.BandSpec(spec.Bands.PeakBandNm).Splitting);
        Assert.Equal(PixelSplitting.BoundingBox, AnalysisSpec.ReferenceDefaults().RadialSpec.Splitting);
    }

    [Fact]
    public void ConcurrentRequestsBuildOnce()
    {
        var golden = GoldenCase.Load("tilted");
        var cache = new IntegrationOperatorCache();
        var spec = new AzimuthalBandSpec(golden.Band("peak"), 90, new ValueRange(90, 180));

        var operators = new AzimuthalBandOperator[8];
        Parallel.For(0, operators.Length, i => operators[i] = cache.AzimuthalBand(golden.Poni.Geometry, golden.Mask, spec));

        Assert.All(operators, o => Assert.Same(operators[0], o));
    }

    [Fact]
    public void ADamagedCacheFileIsRebuilt()
    {
        using var folder = new TemporaryDirectory();
        var golden = GoldenCase.Load("flat");
        var built = new IntegrationOperatorCache(folder.Path).RadialProfile(golden.Poni.Geometry, golden.Mask, Spec);
        var path = Assert.Single(Directory.GetFiles(folder.Path, "*.csr"));
        File.WriteAllBytes(path, [1, 2, 3]);

        var rebuilt = new IntegrationOperatorCache(folder.Path).RadialProfile(golden.Poni.Geometry, golden.Mask, Spec);

        Assert.Equal(built.Integrate<float>(golden.Frame), rebuilt.Integrate<float>(golden.Frame));
        Assert.True(new FileInfo(path).Length > 1000);
    }

    [Fact]
    public void NoSplitOperatorsSavedToTheCacheFolderLoadIdentically()
    {
        using var folder = new TemporaryDirectory();
        var golden = GoldenCase.Load("flat");
        var cakeSpec = new CakeSpec(100, 360, GoldenCase.IntegrationRangeNm, Splitting: PixelSplitting.None);
        var bandSpec = BandDifferenceSpec.AroundPeak(splitting: PixelSplitting.None);

        var writer = new IntegrationOperatorCache(folder.Path);
        var builtCake = writer.Cake(golden.Poni.Geometry, golden.Mask, cakeSpec);
        var builtBands = writer.BandDifference(golden.Poni.Geometry, golden.Mask, bandSpec);
        Assert.Equal(4, Directory.GetFiles(folder.Path, "*.csr").Length);

        var reader = new IntegrationOperatorCache(folder.Path);
        var loadedCake = reader.Cake(golden.Poni.Geometry, golden.Mask, cakeSpec);
        var loadedBands = reader.BandDifference(golden.Poni.Geometry, golden.Mask, bandSpec);

        Assert.Equal(builtCake.Integrate<float>(golden.Frame), loadedCake.Integrate<float>(golden.Frame));
        Assert.Equal(builtCake.ChiCentresDeg, loadedCake.ChiCentresDeg);
        Assert.Equal(builtBands.Integrate<float>(golden.Frame).Difference, loadedBands.Integrate<float>(golden.Frame).Difference);
    }

    [Fact]
    public void OperatorsSavedToTheCacheFolderLoadIdentically()
    {
        using var folder = new TemporaryDirectory();
        var golden = GoldenCase.Load("tilted");
        var cakeSpec = new CakeSpec(100, 360, GoldenCase.IntegrationRangeNm);
        var bandSpec = BandDifferenceSpec.AroundPeak();

        var writer = new IntegrationOperatorCache(folder.Path);
        var builtProfile = writer.RadialProfile(golden.Poni.Geometry, golden.Mask, Spec);
        var builtCake = writer.Cake(golden.Poni.Geometry, golden.Mask, cakeSpec);
        var builtBands = writer.BandDifference(golden.Poni.Geometry, golden.Mask, bandSpec);
        Assert.Equal(5, Directory.GetFiles(folder.Path, "*.csr").Length);

        var reader = new IntegrationOperatorCache(folder.Path);
        var loadedProfile = reader.RadialProfile(golden.Poni.Geometry, golden.Mask, Spec);
        var loadedCake = reader.Cake(golden.Poni.Geometry, golden.Mask, cakeSpec);
        var loadedBands = reader.BandDifference(golden.Poni.Geometry, golden.Mask, bandSpec);

        Assert.Equal(builtProfile.Integrate<float>(golden.Frame), loadedProfile.Integrate<float>(golden.Frame));
        Assert.Equal(builtProfile.QCentresNm, loadedProfile.QCentresNm);
        Assert.Equal(builtCake.Integrate<float>(golden.Frame), loadedCake.Integrate<float>(golden.Frame));
        Assert.Equal(builtCake.ChiCentresDeg, loadedCake.ChiCentresDeg);
        Assert.Equal(builtBands.Integrate<float>(golden.Frame).Difference, loadedBands.Integrate<float>(golden.Frame).Difference);
        Assert.Equal(builtBands.Matrix.PixelBox, loadedBands.Matrix.PixelBox);
    }
}
