using System.Text.Json;
using System.Text.Json.Nodes;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Csv;
using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Phantom;

/// <summary>
/// Writes the phantom's truth (layouts in docs/phantom.md): <c>fibres.csv</c> and <c>fibres.h5</c> (per-fibre
/// geometry and parameters), <c>beam_paths.h5</c> (per angle, slice and position: the fibres crossed with their
/// beam weights and lab orientation, the Kapton, buffer and tissue path lengths, transmission and flux; the same
/// for the line scans), <c>registration.json</c> (CT offsets, grids, tube centre per slice, fiducial, per-angle
/// lateral positions) and <c>model.json</c> (every constant of the forward model).
/// </summary>
internal static class TruthWriter
{
    public const string FibresCsv = "fibres.csv";
    public const string FibresH5 = "fibres.h5";
    public const string BeamPathsH5 = "beam_paths.h5";
    public const string RegistrationJson = "registration.json";
    public const string ModelJson = "model.json";

    private static readonly string[] FibreColumns =
    [
        "number", "id", "lamella", "centre_x_um", "centre_h_um", "centre_z_um", "alpha_deg", "beta_deg", "length_um", "radius_um",
        "q0_nm", "d_period_nm", "wa_nm", "wmu_rad", "delta", "amplitude", "theta_code", "phi_code",
    ];

    public static void Write(PhantomPlan plan, FibreTracingVolume tracing, WaxsMapModel waxs, string folder)
    {
        Directory.CreateDirectory(folder);
        var columns = FibreTable(plan);
        CsvTableWriter.Write(Path.Combine(folder, FibresCsv), FibreColumns, columns);
        WriteFibresH5(plan, columns, Path.Combine(folder, FibresH5));
        WriteBeamPaths(plan, Path.Combine(folder, BeamPathsH5));
        WriteJson(Path.Combine(folder, RegistrationJson), RegistrationTruth.Build(plan, tracing, waxs));
        WriteJson(Path.Combine(folder, ModelJson), ModelTruth(plan));
    }

    private static double[][] FibreTable(PhantomPlan plan)
    {
        var fibres = plan.Fibres;
        double[] Column(Func<FibreSegment, double> value) => [.. fibres.Select(value)];
        return
        [
            Column(f => f.Number), Column(f => f.Id), Column(f => f.Lamella), Column(f => f.CentreX), Column(f => f.CentreH), Column(f => f.CentreZ),
            Column(f => f.AlphaDeg), Column(f => f.BetaDeg), Column(f => f.LengthUm), Column(f => f.RadiusUm),
            Column(f => f.Parameters.Q0), Column(f => f.DPeriodNm), Column(f => f.Parameters.Wa), Column(f => f.Parameters.WMu),
            Column(f => f.Parameters.Delta), Column(f => f.Amplitude),
            Column(f => FibreTracingVolume.AngleCodes(f).Theta), Column(f => FibreTracingVolume.AngleCodes(f).Phi),
        ];
    }

    private static void WriteFibresH5(PhantomPlan plan, double[][] columns, string path)
    {
        var root = new ArtefactGroup();
        root.Attributes.Set("phantom_fingerprint", plan.Fingerprint)
            .Set("description", "phantom fibre segments, one entry per fibre number; lengths µm, angles degrees (sample frame at θ = 0), q0 and wa nm⁻¹, wMu rad");
        var group = root.Group("fibres");
        for (var c = 0; c < FibreColumns.Length; c++)
        {
            var name = FibreColumns[c];
            if (name is "number" or "id" or "lamella" or "theta_code" or "phi_code")
            {
                group.AddDataset(name, columns[c].Select(v => (int)v).ToArray());
            }
            else
            {
                group.AddDataset(name, columns[c]);
            }
        }

        Hdf5ArtefactWriter.Write(path, root);
    }

    private static void WriteBeamPaths(PhantomPlan plan, string path)
    {
        var table = plan.Paths;
        var raster = plan.Raster;
        long[] shape = [table.Angles, table.Slices, table.Positions];
        var root = new ArtefactGroup();
        root.Attributes.Set("phantom_fingerprint", plan.Fingerprint)
            .Set("description", "truth per beam path [angle, slice, position] of the phantom raster; crossings in CSR form over the flattened path index (angle·slices + slice)·positions + position")
            .Set("beam_fwhm_um", raster.FwhmUm).Set("beam_sigma_um", raster.SigmaUm)
            .Set("weight_unit", "fibre-tracing voxels: ∫ exp(−(x − u)²/2σ²) dV over the fibre within the slice's slab, / voxel³")
            .Set("fibre_voxel_um", plan.Ct.Fibre.VoxelUm)
            .Set("count_time_s", plan.Spec.Beam.CountTimeS).Set("gain", plan.Spec.Beam.Gain);
        root.AddDataset("angles_deg", plan.AnglesDeg.ToArray()).Attributes.Set("units", "deg");
        root.AddDataset("slice_heights_um", raster.HeightUm).Attributes.Set("units", "um");
        root.AddDataset("slice_motor_y_mm", raster.MotorYMm).Attributes.Set("units", "mm");
        root.AddDataset("lateral_um", raster.LateralUm).Attributes.Set("units", "um");
        root.AddDataset("motor_x_mm", raster.MotorXMm).Attributes.Set("units", "mm");

        var paths = root.Group("paths");
        paths.AddDataset("kapton_um", table.Kapton, shape).Attributes.Set("units", "um");
        paths.AddDataset("buffer_um", table.Buffer, shape).Attributes.Set("units", "um");
        paths.AddDataset("sample_um", table.Tissue, shape).Attributes.Set("units", "um");
        paths.AddDataset("transmission", table.Transmission, shape);
        paths.AddDataset("offset_from_tube_um", table.OffsetFromTube, shape).Attributes.Set("units", "um");
        paths.AddDataset("i0", table.IncidentFlux, shape);
        paths.AddDataset("transmitted", table.IncidentFlux.Zip(table.Transmission, (i0, t) => i0 * t).ToArray(), shape);
        paths.AddDataset("fibre_count", table.Crossings.Select(c => c.Length).ToArray(), shape);

        var start = new long[table.Crossings.Length + 1];
        for (var k = 0; k < table.Crossings.Length; k++)
        {
            start[k + 1] = start[k] + table.Crossings[k].Length;
        }

        var all = table.Crossings.SelectMany((crossings, index) => crossings.Select(c => (Index: index, Crossing: c))).ToArray();
        var crossingGroup = root.Group("crossings");
        crossingGroup.AddDataset("start", start);
        crossingGroup.AddDataset("fibre_number", all.Select(c => c.Crossing.FibreNumber).ToArray());
        crossingGroup.AddDataset("fibre_id", all.Select(c => plan.Fibres[c.Crossing.FibreNumber].Id).ToArray());
        crossingGroup.AddDataset("weight", all.Select(c => c.Crossing.Weight).ToArray());
        crossingGroup.AddDataset("alpha_deg", all.Select(c => plan.Fibres[c.Crossing.FibreNumber].AlphaDeg).ToArray()).Attributes.Set("units", "deg");
        crossingGroup.AddDataset("beta_deg", all.Select(c => plan.Frames[c.Index / (table.Slices * table.Positions)].LabBetaDeg(plan.Fibres[c.Crossing.FibreNumber].BetaDeg)).ToArray())
            .Attributes.Set("units", "deg").Set("meaning", "lab azimuth at the path's angle: β + s·θ, in [0, 360)");

        foreach (var scan in new[] { plan.Background, plan.BufferScan })
        {
            var group = root.Group(scan.Kind == LineScanKind.Background ? "background" : "buffer");
            group.Attributes.Set("tube_centre_lateral_um", scan.TubeCentreUm).Set("step_um", scan.StepUm);
            group.AddDataset("lateral_um", scan.LateralUm).Attributes.Set("units", "um");
            group.AddDataset("motor_x_mm", scan.MotorXMm).Attributes.Set("units", "mm");
            group.AddDataset("kapton_um", scan.Kapton).Attributes.Set("units", "um");
            group.AddDataset("buffer_um", scan.Buffer).Attributes.Set("units", "um");
            group.AddDataset("transmission", scan.Transmission);
            group.AddDataset("i0", scan.IncidentFlux);
        }

        Hdf5ArtefactWriter.Write(path, root);
    }

    private static JsonObject ModelTruth(PhantomPlan plan)
    {
        var poni = plan.Detector.Geometry;
        var model = new JsonObject
        {
            ["generator_version"] = PhantomPlan.GeneratorVersion,
            ["phantom_fingerprint"] = plan.Fingerprint,
            ["scan"] = plan.Definition.Name,
            ["formulas"] = new JsonObject
            {
                ["expected_counts"] = "λ_p = gain · I0 · count_time · T · S_p",
                ["signal"] = "S_p = Σ_f w_f·a_f·I_f(Q_lab(q_p, χ_model,p); α_f, β_f + s·θ) + L_k·σ_k(q) + L_b·σ_b(q) + L_s·σ_s(q) + σ_air(q)",
                ["chi"] = "χ_model = −χ_pyFAI; pipeline χ = χ_model mod 360°",
                ["kapton"] = "σ_k(q) = A/(1 + (q/q_k)²)² + B per µm",
                ["buffer"] = "σ_b(q) = c0 + c1·q² per µm",
                ["tissue"] = "σ_s(q) = A/(1 + (q/q_s)²) per µm",
                ["air"] = "σ_air(q) = a0 + a1·exp(−q/q_a) per frame",
                ["transmission"] = "T = exp(−(μ_k·L_k + μ_b·L_b + μ_s·L_s)), μ in mm⁻¹, L in mm",
                ["raw_value"] = "Poisson(λ_p) with noise, round-half-even(λ_p) without; −1 on module gaps; 0 behind the beamstop and its arm",
                ["transmitted_flux"] = "BSDIODES channel 1 = I0 · T; I0 channel 5 = I0",
            },
            ["detector"] = new JsonObject
            {
                ["rows"] = plan.Spec.Detector.Rows,
                ["columns"] = plan.Spec.Detector.Columns,
                ["poni"] = new JsonObject
                {
                    ["distance_um"] = poni.DistanceUm, ["poni1_um"] = poni.Poni1Um, ["poni2_um"] = poni.Poni2Um,
                    ["pixel1_um"] = poni.Pixel1Um, ["pixel2_um"] = poni.Pixel2Um, ["wavelength_nm"] = poni.WavelengthNm,
                },
                ["gap_value"] = FrameSynthesis.GapValue,
            },
            ["beam_sigma_um"] = plan.Raster.SigmaUm,
            ["spec"] = JsonSerializer.SerializeToNode(plan.Spec),
        };
        return model;
    }

    private static void WriteJson(string path, JsonNode node) =>
        AtomicFile.WriteStream(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            node.WriteTo(writer);
        });
}
