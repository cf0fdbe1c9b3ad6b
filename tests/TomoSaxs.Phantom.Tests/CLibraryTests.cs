using TomoSaxs.Formats.Nexus;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Phantom.Tests;

/// <summary>The HDF5 C library opens every phantom NeXus/HDF5 file, and the real bitshuffle plugin decodes its frames.</summary>
public sealed class CLibraryTests(NoisyScanFixture fixture) : IClassFixture<NoisyScanFixture>
{
    [Fact]
    public void H5dump_opens_every_raw_and_truth_HDF5_file()
    {
        var plan = fixture.Scan.Plan;
        string[] files =
        [
            .. plan.Outputs.Saxs, plan.Outputs.WaxsMap, plan.Outputs.Background, plan.Outputs.Buffer, plan.Outputs.Mask, plan.Outputs.Calibration,
            fixture.Scan.TruthFile("beam_paths.h5"), fixture.Scan.TruthFile("fibres.h5"),
        ];

        foreach (var file in files)
        {
            Assert.Contains("GROUP \"/\"", H5Dump.Header(file));
        }

        Assert.Contains("FILTER_ID 32008", H5Dump.Header(plan.Outputs.Saxs[0]));
    }

    [Fact]
    public void The_C_bitshuffle_plugin_decodes_raster_and_line_scan_frames_to_what_I22Scan_reads()
    {
        var plugin = Hdf5Plugins.FolderOf(Hdf5Plugins.Bitshuffle);
        var plan = fixture.Scan.Plan;
        var (rows, columns) = (plan.Spec.Detector.Rows, plan.Spec.Detector.Columns);
        using (var scan = I22Scan.Open(plan.Outputs.Saxs[2]))
        {
            var frame = scan.ReadFrame<int>(1, plan.Positions / 2).Pixels;
            var decoded = H5Dump.Values(plan.Outputs.Saxs[2], "/entry1/SAXS/data", [1, plan.Positions / 2, 0, 0], [1, 1, rows, columns], plugin);
            Assert.Equal(frame.Select(v => (double)v), decoded);
            Assert.Contains(frame, v => v > 0);
        }

        using (var line = I22Scan.Open(plan.Outputs.Buffer))
        {
            var frame = line.ReadFrame<int>(0, 3).Pixels;
            Assert.Equal(frame.Select(v => (double)v), H5Dump.Values(plan.Outputs.Buffer, "/entry1/SAXS/data", [3, 0, 0], [1, rows, columns], plugin));
        }
    }
}
