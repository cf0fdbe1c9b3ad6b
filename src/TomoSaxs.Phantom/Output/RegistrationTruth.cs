using System.Text.Json.Nodes;

namespace TomoSaxs.Phantom;

/// <summary>
/// The registration truth as JSON: what the Calibrate and Register stages must recover. Sample frame: µm, origin on
/// the SAXS rotation axis at the lower endplate, h up, x = raster axis and z = beam at θ = 0. Voxel coordinates are
/// continuous with voxel edges at whole numbers (voxel k spans [k, k + 1)).
/// </summary>
internal static class RegistrationTruth
{
    public static JsonObject Build(PhantomPlan plan, FibreTracingVolume tracing, WaxsMapModel waxs)
    {
        var ct = plan.Ct;
        var geometry = plan.Geometry;
        var raster = plan.Raster;
        var fiducial = geometry.DiscHeight;
        return new JsonObject
        {
            ["phantom_fingerprint"] = plan.Fingerprint,
            ["sample_frame"] = "µm; origin on the SAXS rotation axis at the lower endplate; h up; x along the raster and z along the beam at θ = 0; " +
                               "lab x of a sample point at angle θ: x·cos φ + z·sin φ with φ = s·θ",
            ["rotation_sign"] = plan.RotationSign,
            ["fiducial"] = new JsonObject
            {
                ["what"] = "upper endplate (bottom face of the upper vertebra)",
                ["height_um"] = fiducial,
                ["motor_y_mm"] = raster.MotorYOfHeight(fiducial),
                ["ct_low_res_z"] = ct.Low.SliceOf(fiducial),
                ["ct_high_res_z"] = ct.High.SliceOf(fiducial),
                ["fibre_tracing_z"] = ct.Fibre.SliceOf(fiducial),
                ["waxs_map_row"] = (waxs.HeightUm[0] - fiducial) / plan.Spec.Waxs.StepYUm,
            },
            ["fiducial_rows_note"] = "waxs_map_row counts rows with row centres at whole numbers; CT and fibre z count voxel edges at whole numbers",
            ["lower_endplate"] = new JsonObject
            {
                ["height_um"] = 0.0,
                ["motor_y_mm"] = raster.MotorYOfHeight(0),
                ["ct_low_res_z"] = ct.Low.SliceOf(0),
                ["ct_high_res_z"] = ct.High.SliceOf(0),
            },
            ["ct"] = new JsonObject
            {
                ["reconstruction_centre_um"] = Pair(plan.Spec.Ct.CentreUm.X, plan.Spec.Ct.CentreUm.Z),
                ["low_res"] = Grid(ct.Low),
                ["high_res"] = Grid(ct.High),
                ["high_res_offset_um"] = new JsonObject
                {
                    ["dz"] = plan.Spec.Ct.HighResOffsetUm.Z, ["dy"] = plan.Spec.Ct.HighResOffsetUm.Y, ["dx"] = plan.Spec.Ct.HighResOffsetUm.X,
                },
                ["high_res_offset_low_res_voxels"] = new JsonObject
                {
                    ["dz"] = plan.Spec.Ct.HighResOffsetUm.Z / ct.Low.VoxelUm,
                    ["dy"] = plan.Spec.Ct.HighResOffsetUm.Y / ct.Low.VoxelUm,
                    ["dx"] = plan.Spec.Ct.HighResOffsetUm.X / ct.Low.VoxelUm,
                },
            },
            ["fibre_tracing"] = new JsonObject
            {
                ["padded"] = Grid(ct.Fibre),
                ["crop_start_xyz"] = new JsonArray(tracing.CropStart.X, tracing.CropStart.Y, tracing.CropStart.Z),
                ["crop_size_xyz"] = new JsonArray(tracing.CropSize.X, tracing.CropSize.Y, tracing.CropSize.Z),
                ["end_pads_xyz"] = new JsonArray(tracing.EndPads.X, tracing.EndPads.Y, tracing.EndPads.Z),
                ["vox_padding_sheet"] = "start pad + 1 and end pad + 1 (the reference's −1 convention)",
                ["theta"] = "α: polar angle of the fibre axis from the vertical, whole degrees 1…179",
                ["phi"] = "β: azimuth about the vertical from the row axis (+z) towards the column axis (+x) at θ = 0, whole degrees 0…179",
                ["index"] = "fibre id (see fibres.csv); 0 = no fibre",
            },
            ["tube"] = new JsonObject
            {
                ["outer_radius_um"] = geometry.OuterRadius,
                ["inner_radius_um"] = geometry.InnerRadius,
                ["centre_at_h0_um"] = Pair(plan.Spec.Tube.CentreXUm, plan.Spec.Tube.CentreZUm),
                ["tilt_per_um"] = Pair(plan.Spec.Tube.TiltX, plan.Spec.Tube.TiltZ),
            },
            ["slices"] = new JsonArray([.. Enumerable.Range(0, raster.Slices).Select(j => Slice(plan, j))]),
            ["angles"] = new JsonArray([.. Enumerable.Range(0, plan.AnglesDeg.Count).Select(a => Angle(plan, a))]),
            ["raster"] = new JsonObject
            {
                ["axis_motor_x_mm"] = raster.Spec.AxisXMm,
                ["step_um"] = raster.Spec.StepUm,
                ["slice_step_um"] = raster.Spec.SliceStepUm,
                ["beam_fwhm_um"] = raster.FwhmUm,
                ["motor_x_mm"] = Array(raster.MotorXMm),
                ["motor_y_mm"] = Array(raster.MotorYMm),
            },
            ["line_scans"] = new JsonObject
            {
                ["background_tube_centre_motor_x_mm"] = raster.MotorXOfLateral(plan.Background.TubeCentreUm),
                ["buffer_tube_centre_motor_x_mm"] = raster.MotorXOfLateral(plan.BufferScan.TubeCentreUm),
                ["background_motor_x_mm"] = Array(plan.Background.MotorXMm),
                ["buffer_motor_x_mm"] = Array(plan.BufferScan.MotorXMm),
            },
            ["waxs_map"] = new JsonObject
            {
                ["angle_deg"] = 0.0,
                ["beam_fwhm_um"] = waxs.BeamFwhmUm,
                ["motor_y_mm"] = Array(waxs.MotorYMm),
                ["motor_x_mm"] = Array(waxs.MotorXMm),
            },
        };
    }

    private static JsonObject Slice(PhantomPlan plan, int slice)
    {
        var raster = plan.Raster;
        var ct = plan.Ct;
        var h = raster.HeightUm[slice];
        var (low, high) = raster.Slab(slice);
        var (tx, tz) = plan.Geometry.TubeCentre(h);
        // Fibre-tracing slices whose centres lie in the slab (slices count downwards).
        var fibreStart = (int)Math.Ceiling(ct.Fibre.SliceOf(high) - 0.5);
        var fibreEnd = (int)Math.Floor(ct.Fibre.SliceOf(low) - 0.5);
        return new JsonObject
        {
            ["slice"] = slice,
            ["height_um"] = h,
            ["slab_um"] = new JsonArray(low, high),
            ["motor_y_mm"] = raster.MotorYOfHeight(h),
            ["fibre_tracing_z_inclusive"] = new JsonArray(fibreStart, fibreEnd),
            ["ct_low_res_z"] = new JsonArray(ct.Low.SliceOf(high), ct.Low.SliceOf(low)),
            ["tube_centre_um"] = Pair(tx, tz),
            ["tube_centre_ct_low_res_px"] = new JsonObject { ["column"] = ct.Low.ColumnOf(tx), ["row"] = ct.Low.RowOf(tz) },
            ["tube_centre_ct_high_res_px"] = new JsonObject { ["column"] = ct.High.ColumnOf(tx), ["row"] = ct.High.RowOf(tz) },
            ["tube_centre_fibre_tracing_px"] = new JsonObject { ["column"] = ct.Fibre.ColumnOf(tx), ["row"] = ct.Fibre.RowOf(tz) },
        };
    }

    private static JsonObject Angle(PhantomPlan plan, int angle)
    {
        var frame = plan.Frames[angle];
        var raster = plan.Raster;
        var centres = new JsonArray();
        foreach (var h in raster.HeightUm)
        {
            var (tx, tz) = plan.Geometry.TubeCentre(h);
            centres.Add(raster.MotorXOfLateral(frame.LabX(tx, tz)));
        }

        var ctCentre = plan.Spec.Ct.CentreUm;
        return new JsonObject
        {
            ["angle"] = angle,
            ["angle_deg"] = frame.AngleDeg,
            ["phi_deg"] = frame.PhiDeg,
            ["tube_centre_motor_x_mm_per_slice"] = centres,
            ["ct_centre_motor_x_mm"] = raster.MotorXOfLateral(frame.LabX(ctCentre.X, ctCentre.Z)),
        };
    }

    private static JsonObject Grid(VoxelGrid grid) => new()
    {
        ["voxel_um"] = grid.VoxelUm,
        ["shape_zyx"] = new JsonArray(grid.Slices, grid.Rows, grid.Columns),
        ["corner_x_um"] = grid.CornerX,
        ["corner_z_um"] = grid.CornerZ,
        ["top_height_um"] = grid.TopHeight,
        ["voxel_centre"] = "x = corner_x + (column + ½)·voxel, z = corner_z + (row + ½)·voxel, h = top − (slice + ½)·voxel",
    };

    private static JsonObject Pair(double x, double z) => new() { ["x"] = x, ["z"] = z };

    private static JsonArray Array(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
