using TomoSaxs.Calibrate.Stage;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Tiff;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Calibrate.Tests.Stage;

/// <summary>Bad inputs stop Calibrate before it writes anything, with a message naming the file or key and what was expected.</summary>
[Collection(CalibratedExampleCollection.Name)]
public sealed class CalibrateInputErrorTests(CalibratedExample example) : IDisposable
{
    private readonly TemporaryDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_missing_slice_file_names_the_stack_the_slice_and_the_key()
    {
        var low = CopyStack("raw/ct/low");
        File.Delete(Path.Combine(low, "0040.tif"));

        var error = Assert.Throws<DataFileException>(() => Run(Variant("low_res: raw/ct/low", $"low_res: {low}")));

        Assert.Contains(low, error.Message, StringComparison.Ordinal);
        Assert.Contains("slice 40 is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("raw.ct.low_res", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fibre_scale_that_does_not_fit_the_voxel_sizes_names_the_keys_and_both_extents()
    {
        var error = Assert.Throws<CalibrateInputException>(() => Run(Variant("scale: 1", "scale: 2.5")));

        Assert.Contains("raw.fibres.scale = 2.5 × raw.ct.voxel_um.high = 10 µm", error.Message, StringComparison.Ordinal);
        Assert.Contains("vox_padding.xlsx", error.Message, StringComparison.Ordinal);
        Assert.Contains("3000 µm along z", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected the two within one fibre voxel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_high_res_voxel_that_makes_its_field_of_view_larger_than_the_low_res_one_names_the_keys()
    {
        var error = Assert.Throws<CalibrateInputException>(() => Run(Variant("voxel_um: {high: 10, low: 16}", "voxel_um: {high: 14, low: 16}")));

        Assert.Contains("raw.ct.voxel_um.high = 14 µm", error.Message, StringComparison.Ordinal);
        Assert.Contains("raw.ct.voxel_um.low = 16 µm", error.Message, StringComparison.Ordinal);
        Assert.Contains("check the voxel sizes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pinned_offset_that_puts_the_high_res_scan_outside_the_low_res_one_is_refused()
    {
        // 400 µm + 1200 µm of high-res scan below the low-res top, which spans 88 × 16 = 1408 µm.
        var error = Assert.Throws<CalibrateInputException>(() => Run(example.Phantom.ScanFile, null,
            ["calibrate.high_res_offset_z_um=400", "calibrate.high_res_offset_y_um=480", "calibrate.high_res_offset_x_um=500"]));

        Assert.Contains("not inside the low-res one along z", error.Message, StringComparison.Ordinal);
        Assert.Contains("pinned by calibrate.high_res_offset_*_um", error.Message, StringComparison.Ordinal);
        Assert.Contains("[400.0, 1600.0) µm", error.Message, StringComparison.Ordinal);
        Assert.Contains("raw.ct.low_res", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fibre_stacks_of_different_sizes_are_named()
    {
        var phi = CopyStack("raw/fibres/phi");
        File.Delete(Directory.GetFiles(phi).Order(StringComparer.Ordinal).Last());

        var error = Assert.Throws<CalibrateInputException>(() => Run(Variant("phi: raw/fibres/phi", $"phi: {phi}")));

        Assert.Contains("raw.fibres.phi", error.Message, StringComparison.Ordinal);
        Assert.Contains("79 × 226 × 302", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ct_without_a_tube_is_a_tube_not_found_error_naming_the_slices_and_the_pins()
    {
        // A low-res scan of air only (noise), with the high-res scan pinned where it belongs: nothing is a tube.
        var low = Path.Combine(temp.Path, "air");
        var random = new Random(3);
        var air = new ushort[88, 290, 290];
        for (var z = 0; z < 88; z++)
        {
            for (var y = 0; y < 290; y++)
            {
                for (var x = 0; x < 290; x++)
                {
                    air[z, y, x] = (ushort)(1000 + random.Next(-300, 300));
                }
            }
        }

        TiffStack.Write(low, air);
        var outputs = CalibrateOutputs.In(Path.Combine(temp.Path, "artifacts", "calibrate"));

        var error = Assert.Throws<TubeNotFoundException>(() => Run(Variant("low_res: raw/ct/low", $"low_res: {low}"), outputs,
            ["calibrate.high_res_offset_z_um=200", "calibrate.high_res_offset_y_um=480", "calibrate.high_res_offset_x_um=500"]));

        Assert.Contains("No tube in CT slices 0–15", error.Message, StringComparison.Ordinal);
        Assert.Contains("raw.ct.low_res", error.Message, StringComparison.Ordinal);
        Assert.Contains("calibrate.tube_centre_row_px", error.Message, StringComparison.Ordinal);
        // Nothing half-written: no output and no work folder left behind.
        Assert.False(File.Exists(outputs.Calibration));
        Assert.False(Directory.Exists(outputs.CtFolder));
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(outputs.Calibration)!));
    }

    private string CopyStack(string relative)
    {
        var copy = Path.Combine(temp.Path, relative.Replace('/', '_'));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Path.Combine(example.Phantom.Folder, relative)))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    // The example's scan.yaml with one text replaced, beside the original so its relative raw paths still resolve.
    private string Variant(string find, string replace)
    {
        var yaml = File.ReadAllText(example.Phantom.ScanFile);
        Assert.Contains(find, yaml, StringComparison.Ordinal);
        var file = Path.Combine(example.Phantom.Folder, $"variant-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml.Replace(find, replace, StringComparison.Ordinal));
        return file;
    }

    private void Run(string scanFile, CalibrateOutputs? outputs = null, IReadOnlyList<string>? overrides = null)
    {
        outputs ??= CalibrateOutputs.In(Path.Combine(temp.Path, "artifacts", "calibrate"));
        CalibrateStage.Run(CalibratedExample.RunOf(scanFile, outputs, overrides ?? []), outputs);
    }
}
