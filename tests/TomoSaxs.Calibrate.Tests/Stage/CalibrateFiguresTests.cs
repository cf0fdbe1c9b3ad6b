using SkiaSharp;
using TomoSaxs.Calibrate.Stage;

namespace TomoSaxs.Calibrate.Tests.Stage;

/// <summary>Calibrate's QC figures (docs/calibrate.md, "QC figures") from the shared default run of the stage.</summary>
[Collection(CalibratedExampleCollection.Name)]
public sealed class CalibrateFiguresTests(CalibratedExample example)
{
    [Fact]
    public void The_default_run_writes_the_CT_map_and_the_top_middle_and_bottom_tube_figures_as_PNGs()
    {
        var folder = CalibrateFigures.Folder(example.Outputs);
        var slabs = example.Result.Tube.Count;
        var drawn = CalibrateFigures.TubeSlabsDrawn(slabs);
        var expected = new[] { CalibrateFigures.CtMapFile }.Concat(drawn.Select(CalibrateFigures.TubeFile)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Path.Combine(Path.GetDirectoryName(example.Outputs.Calibration)!, "qc"), folder);
        Assert.Equal([0, slabs / 2, slabs - 1], drawn);
        Assert.Equal(expected, Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList());
        foreach (var name in expected)
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(folder, name));
            Assert.NotNull(bitmap);
            Assert.Equal((1200, 900), (bitmap.Width, bitmap.Height));
        }
    }
}
