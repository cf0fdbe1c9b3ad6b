using System.Text.Json;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Formats.Tiff;
using TomoSaxs.Formats.Xlsx;
using TomoSaxs.Scan;

namespace TomoSaxs.Phantom.Tests;

/// <summary>
/// The generated raw files read back through the project's own readers (I22Scan, DawnMaskFile,
/// DawnCalibrationFile, TiffStack, VoxelPaddingReader, ScanDefinitionLoader) with the values the generator meant,
/// and the structures the registration truth describes where it says they are.
/// </summary>
public sealed class ReadBackTests(NoiseFreeScanFixture fixture) : IClassFixture<NoiseFreeScanFixture>
{
    private GeneratedScan Scan => fixture.Scan;

    private PhantomPlan Plan => fixture.Scan.Plan;

    [Fact]
    public void The_generated_scan_definition_loads_with_every_raw_file_present()
    {
        var definition = PhantomDefinition.Load(Scan.DefinitionFile, rawFiles: RawFileCheck.Always);

        var outputs = new PhantomOutputs(definition.Raw);
        Assert.Equal(Plan.Outputs.Saxs, outputs.Saxs);
        Assert.Equal(Plan.Outputs with { Saxs = outputs.Saxs }, outputs);
        Assert.All(PhantomScan.TruthFiles, name => Assert.True(File.Exists(Scan.TruthFile(name)), name));
    }

    [Fact]
    public void Saxs_rasters_read_back_through_I22Scan_with_the_planned_positions_flux_and_frames()
    {
        var detector = Plan.Detector;
        for (var angle = 0; angle < Plan.AnglesDeg.Count; angle++)
        {
            using var scan = I22Scan.Open(Plan.Outputs.Saxs[angle]);
            Assert.Equal((Plan.Slices, Plan.Positions, detector.Rows, detector.Columns, false),
                (scan.Slices, scan.Positions, scan.FrameRows, scan.FrameColumns, scan.IsLineScan));
            Assert.Equal(Hdf5ElementType.Int32, scan.Frames.ElementType);
            Assert.Equal(new long[] { 1, 1, detector.Rows, detector.Columns }, scan.Frames.ChunkShape);
            var filter = Assert.Single(scan.Frames.Filters);
            Assert.Equal(Hdf5Filters.Bitshuffle, filter.Id);
            Assert.Equal(new uint[] { 0, 3, 4, 0, 2 }, filter.Parameters);
            AssertClose(Plan.Raster.MotorXMm.Select(x => x * 1000), scan.ReadXPositionsUm(), 1e-9);
            AssertClose(Plan.Raster.MotorYMm.Select(y => y * 1000), scan.ReadYPositionsUm()!, 1e-9);
            Assert.All(scan.ReadCountTimesS().Values, t => Assert.Equal(1.0, t));
            var incident = scan.ReadIncidentFlux();
            var transmitted = scan.ReadTransmittedFlux();
            for (var slice = 0; slice < Plan.Slices; slice++)
            {
                for (var position = 0; position < Plan.Positions; position++)
                {
                    var index = Plan.Paths.Index(angle, slice, position);
                    Assert.Equal(Plan.Paths.IncidentFlux[index], incident[slice, position]);
                    Assert.Equal(Plan.Paths.IncidentFlux[index] * Plan.Paths.Transmission[index], transmitted[slice, position]);
                }
            }

            var frame = scan.ReadFrame<int>(1, Plan.Positions / 2).Pixels;
            for (var p = 0; p < frame.Length; p++)
            {
                Assert.Equal(detector.Gap[p], frame[p] == -1);
            }
        }
    }

    [Fact]
    public void Mask_and_calibration_read_back_through_the_DAWN_readers()
    {
        var mask = DawnMaskFile.Read(Plan.Outputs.Mask);
        var calibration = DawnCalibrationFile.Read(Plan.Outputs.Calibration);
        var spec = Plan.Spec.Detector;

        Assert.Equal(Plan.Detector.Mask.ContentHash, mask.ContentHash);
        Assert.True(mask.ExcludedCount > Plan.Detector.Gap.Count(g => g));
        Assert.Equal(spec.DistanceMm * 1000, calibration.DistanceUm, 1e-9);
        Assert.Equal(spec.CentreXPx, calibration.BeamCentreXPx, 1e-9);
        Assert.Equal(spec.CentreYPx, calibration.BeamCentreYPx, 1e-9);
        Assert.Equal((spec.PixelUm, spec.PixelUm), (calibration.PixelXUm, calibration.PixelYUm));
        Assert.Equal(spec.WavelengthNm, calibration.WavelengthNm, 1e-15);
        var poni = calibration.ToPoni();
        Assert.Equal(Plan.Detector.Geometry.Poni1Um, poni.Poni1Um, 1e-6);
        Assert.Equal(Plan.Detector.Geometry.Poni2Um, poni.Poni2Um, 1e-6);
    }

    [Fact]
    public void Ct_stacks_are_16_bit_volumes_with_the_tube_and_disc_where_the_registration_truth_puts_them()
    {
        var truth = new TruthFiles(Scan.Truth);
        var grey = Plan.Spec.Ct.Grey;
        var ct = truth.Registration.GetProperty("ct");
        var sliceTruth = truth.Registration.GetProperty("slices")[0];
        var height = sliceTruth.GetProperty("height_um").GetDouble();
        var tubeCentre = sliceTruth.GetProperty("tube_centre_um");
        var discEdges = new List<double>();
        foreach (var (key, folder) in new[] { ("low_res", Plan.Outputs.LowResCt), ("high_res", Plan.Outputs.HighResCt) })
        {
            var grid = ct.GetProperty(key);
            var shape = grid.GetProperty("shape_zyx").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var stack = TiffStack.Open(folder);
            Assert.Equal(new TiffVolumeInfo(shape[2], shape[1], shape[0], TiffPixelType.UInt16), stack.Info);

            // The slice and row through slice 0's beam height and the tube centre, by the grid formulas of the truth.
            var voxel = grid.GetProperty("voxel_um").GetDouble();
            var (cornerX, cornerZ) = (grid.GetProperty("corner_x_um").GetDouble(), grid.GetProperty("corner_z_um").GetDouble());
            var z = (int)Math.Floor((grid.GetProperty("top_height_um").GetDouble() - height) / voxel);
            var row = (int)Math.Floor((tubeCentre.GetProperty("z").GetDouble() - cornerZ) / voxel);
            var image = stack.ReadSlice<ushort>(z);
            double X(int column) => cornerX + (column + 0.5) * voxel;
            var tissue = Enumerable.Range(0, shape[2]).Where(c => image[row, c] == grey.Tissue || image[row, c] == grey.Fibre).ToArray();
            Assert.NotEmpty(tissue);
            discEdges.Add(X(tissue.First()));
            if (key == "low_res")
            {
                // The tube's outer surface lies one outer radius either side of the tube centre. The CT is partial
                // volume, so the profile ramps from air to Kapton over the voxel the surface crosses; where it passes
                // half-way (linear between voxel centres) is the surface to within a sixteenth of a voxel for a
                // straight edge, and the circle is straight to 0.2 µm across a voxel. Buffer (inside the wall) is
                // above the half-way level too, so the first and last crossings are the outer surface.
                var outer = truth.Registration.GetProperty("tube").GetProperty("outer_radius_um").GetDouble();
                var half = (grey.Air + grey.Kapton) / 2.0;
                double Crossing(int from, int to) => X(from) + (half - image[row, from]) / (image[row, to] - image[row, from]) * (X(to) - X(from));
                var first = Enumerable.Range(1, shape[2] - 1).First(c => image[row, c] >= half);
                var last = Enumerable.Range(0, shape[2] - 1).Last(c => image[row, c] >= half);
                Assert.Equal(tubeCentre.GetProperty("x").GetDouble() - outer, Crossing(first - 1, first), voxel / 4);
                Assert.Equal(tubeCentre.GetProperty("x").GetDouble() + outer, Crossing(last + 1, last), voxel / 4);
                Assert.Equal(grey.Air, image[row, 0]);
            }
        }

        // Both volumes put the disc's edge at the same sample x: their corners and offset in the truth are right.
        Assert.Equal(discEdges[0], discEdges[1], ct.GetProperty("low_res").GetProperty("voxel_um").GetDouble());
        var offset = ct.GetProperty("high_res_offset_um");
        var low = ct.GetProperty("low_res");
        var high = ct.GetProperty("high_res");
        Assert.Equal(low.GetProperty("corner_x_um").GetDouble() + offset.GetProperty("dx").GetDouble(), high.GetProperty("corner_x_um").GetDouble(), 1e-9);
        Assert.Equal(low.GetProperty("corner_z_um").GetDouble() + offset.GetProperty("dy").GetDouble(), high.GetProperty("corner_z_um").GetDouble(), 1e-9);
        Assert.Equal(low.GetProperty("top_height_um").GetDouble() - offset.GetProperty("dz").GetDouble(), high.GetProperty("top_height_um").GetDouble(), 1e-9);
    }

    [Fact]
    public void Fibre_tracing_stacks_and_vox_padding_restore_the_padded_grid_and_hold_each_fibre()
    {
        var truth = new TruthFiles(Scan.Truth);
        var tracing = truth.Registration.GetProperty("fibre_tracing");
        int[] Xyz(string name) => [.. tracing.GetProperty(name).EnumerateArray().Select(v => v.GetInt32())];
        var (start, size, end) = (Xyz("crop_start_xyz"), Xyz("crop_size_xyz"), Xyz("end_pads_xyz"));
        var padded = tracing.GetProperty("padded");
        var shape = padded.GetProperty("shape_zyx").EnumerateArray().Select(v => v.GetInt32()).ToArray();

        var row = VoxelPaddingReader.Read(Plan.Outputs.Padding).Find(TinyScan.Name);
        Assert.Equal(new VoxelPads(start[0], start[1], start[2]), row.StartPads);
        Assert.Equal(new VoxelPads(end[0], end[1], end[2]), row.EndPads);
        Assert.Equal([shape[2], shape[1], shape[0]], new[] { start[0] + size[0] + end[0], start[1] + size[1] + end[1], start[2] + size[2] + end[2] });

        var theta = TiffStack.Open(Plan.Outputs.Theta);
        var phi = TiffStack.Open(Plan.Outputs.Phi);
        var index = TiffStack.Open(Plan.Outputs.Index);
        Assert.Equal(new TiffVolumeInfo(size[0], size[1], size[2], TiffPixelType.UInt8), theta.Info);
        Assert.Equal(TiffPixelType.UInt8, phi.Info.PixelType);
        Assert.Equal(new TiffVolumeInfo(size[0], size[1], size[2], TiffPixelType.UInt16), index.Info);

        var voxel = padded.GetProperty("voxel_um").GetDouble();
        var (cornerX, cornerZ, top) = (padded.GetProperty("corner_x_um").GetDouble(), padded.GetProperty("corner_z_um").GetDouble(), padded.GetProperty("top_height_um").GetDouble());
        var fibres = truth.Fibres;
        var found = 0;
        for (var n = 0; n < fibres["id"].Length; n++)
        {
            var column = (int)Math.Floor((fibres["centre_x_um"][n] - cornerX) / voxel) - start[0];
            var rowIndex = (int)Math.Floor((fibres["centre_z_um"][n] - cornerZ) / voxel) - start[1];
            var z = (int)Math.Floor((top - fibres["centre_h_um"][n]) / voxel) - start[2];
            var id = index.ReadSlice<ushort>(z)[rowIndex, column];
            if (id == 0)
            {
                continue; // the axis passes between voxel centres; the fibre is in its neighbours
            }

            Assert.Equal(fibres["id"][n], id);
            Assert.Equal(fibres["theta_code"][n], theta.ReadSlice<byte>(z)[rowIndex, column]);
            Assert.Equal(fibres["phi_code"][n], phi.ReadSlice<byte>(z)[rowIndex, column]);
            Assert.Equal(Math.Round(fibres["alpha_deg"][n]), fibres["theta_code"][n], 0.0);
            found++;
        }

        Assert.True(found >= 0.8 * fibres["id"].Length, $"only {found} of {fibres["id"].Length} fibres hold their centre voxel");
    }

    [Fact]
    public void The_waxs_map_is_bright_in_the_vertebrae_and_dark_in_the_disc_either_side_of_the_fiducial()
    {
        var truth = new TruthFiles(Scan.Truth);
        using var file = Hdf5File.Open(Plan.Outputs.WaxsMap);
        var sums = file.Dataset("entry1/WAXS_sum/sum");
        var (rows, columns) = ((int)sums.Shape[0], (int)sums.Shape[1]);
        Assert.Equal(44, columns);
        Assert.Equal("mm", file.Dataset("entry1/WAXS_sum/base_y_value").Units);
        Assert.Equal(new long[] { rows, columns }, file.Dataset("entry1/WAXS_sum/base_x_value").Shape);
        Assert.True(file.IsDataset("entry1/WAXS/data"));
        var values = sums.Read<double>();
        var y = file.Dataset("entry1/WAXS_sum/base_y_value_set").Read<double>();
        var fiducial = truth.Registration.GetProperty("fiducial");
        var fiducialRow = fiducial.GetProperty("waxs_map_row").GetDouble();
        Assert.Equal(fiducial.GetProperty("motor_y_mm").GetDouble(), y[0] + fiducialRow * (y[1] - y[0]), 1e-9);

        double CentreMean(int row) => Enumerable.Range(columns / 2 - 3, 6).Average(c => values[row * columns + c]);
        var above = CentreMean((int)Math.Floor(fiducialRow) - 1);
        var below = CentreMean((int)Math.Ceiling(fiducialRow) + 1);
        Assert.True(above > 2 * below, $"vertebra {above} vs disc {below}");
    }

    [Fact]
    public void Truth_tables_agree_with_each_other()
    {
        var truth = new TruthFiles(Scan.Truth);
        using var file = Hdf5File.Open(Scan.TruthFile("fibres.h5"));
        Assert.Equal(truth.Fibres["id"].Select(v => (int)v), file.Dataset("fibres/id").Read<int>());
        Assert.Equal(truth.Fibres["q0_nm"], file.Dataset("fibres/q0_nm").Read<double>());
        Assert.All(truth.FibreId.Zip(truth.FibreNumber), pair => Assert.Equal(truth.Fibres["id"][pair.Second], pair.First));
        Assert.All(truth.Fibres["d_period_nm"].Zip(truth.Fibres["q0_nm"]), pair => Assert.Equal(6 * Math.PI / pair.Second, pair.First, 1e-9));
        Assert.Equal(PhantomPlan.GeneratorVersion, truth.Model.GetProperty("generator_version").GetString());
        Assert.Equal(Plan.Fingerprint, truth.Registration.GetProperty("phantom_fingerprint").GetString());
        Assert.Equal(JsonValueKind.Array, truth.Registration.GetProperty("angles").ValueKind);
    }

    private static void AssertClose(IEnumerable<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        var list = expected.ToList();
        Assert.Equal(list.Count, actual.Count);
        for (var k = 0; k < list.Count; k++)
        {
            Assert.Equal(list[k], actual[k], tolerance);
        }
    }
}
