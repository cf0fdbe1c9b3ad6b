using TomoSaxs.Scan;

namespace TomoSaxs.Phantom;

/// <summary>
/// Reads and checks the <c>phantom:</c> block of scan.yaml with the scan loader's <see cref="YamlMappingReader"/>,
/// so its problems (unknown keys with suggestions, wrong types, out-of-range values, inconsistent pairs) are
/// reported with the file, line and key path like every other section's. Every key except <c>seed</c> is optional
/// and falls back to <see cref="PhantomSpec.Defaults"/>. Checks that need the rest of scan.yaml (does the sample
/// fit in the tube?) are in <see cref="PhantomSpecChecks"/>.
/// </summary>
public static class PhantomSpecReader
{
    /// <summary>The schema hook for <see cref="ScanLoadOptions.PhantomSchema"/>: reads the block, reporting problems.</summary>
    public static void Check(YamlMappingReader phantom) => _ = Read(phantom);

    /// <summary>Reads the block; null when it has problems (all of them reported through the reader's context).</summary>
    public static PhantomSpec? Read(YamlMappingReader phantom)
    {
        var before = phantom.Context.Problems.Count;
        var d = PhantomSpec.Defaults;
        var seed = phantom.Integer("seed", required: true, NumericRange.NonNegative);
        var noise = phantom.Boolean("noise", required: false) ?? d.Noise;
        var spec = new PhantomSpec(
            seed ?? 0,
            noise,
            ReadDetector(phantom.Mapping("detector", required: false), d.Detector),
            ReadBeam(phantom.Mapping("beam", required: false), d.Beam),
            ReadRaster(phantom.Mapping("raster", required: false), d.Raster),
            ReadLineScans(phantom.Mapping("line_scans", required: false), d.LineScans),
            ReadTube(phantom.Mapping("tube", required: false), d.Tube),
            ReadSample(phantom.Mapping("sample", required: false), d.Sample),
            ReadFibres(phantom.Mapping("fibres", required: false), d.Fibres),
            ReadScattering(phantom.Mapping("scattering", required: false), d.Scattering),
            ReadCt(phantom.Mapping("ct", required: false), d.Ct),
            ReadFibreTracing(phantom.Mapping("fibre_tracing", required: false), d.FibreTracing),
            ReadWaxs(phantom.Mapping("waxs_map", required: false), d.Waxs),
            phantom.Boolean("float_frames", required: false) ?? d.FloatFrames);
        if (spec.FloatFrames && spec.Noise)
        {
            phantom.Context.Report(phantom.PathOf("float_frames"), "is true, which needs noise: false (Poisson counts are integers).",
                phantom.Peek("float_frames") ?? phantom.Node);
        }

        phantom.ReportUnknownKeys();
        return phantom.Context.Problems.Count == before && seed is not null ? spec : null;
    }

    private static readonly NumericRange Positive = NumericRange.Positive;
    private static readonly NumericRange NonNegative = NumericRange.NonNegative;

    private static DetectorSpec ReadDetector(YamlMappingReader? m, DetectorSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var rows = m.Integer("rows", false, NumericRange.AtLeast(8)) ?? d.Rows;
        var columns = m.Integer("columns", false, NumericRange.AtLeast(8)) ?? d.Columns;
        var centre = m.Mapping("beam_centre_px", false, "a mapping { x: column, y: row } in pixels");
        var centreX = centre?.Number("x", true) ?? d.CentreXPx;
        var centreY = centre?.Number("y", true) ?? d.CentreYPx;
        centre?.ReportUnknownKeys();
        var modules = m.Mapping("module", false, "a mapping { rows, columns, gap_rows, gap_columns } in pixels");
        var moduleSpec = modules is null
            ? d.Modules
            : new ModuleSpec(
                modules.Integer("rows", true, NumericRange.AtLeast(1)) ?? d.Modules.Rows,
                modules.Integer("columns", true, NumericRange.AtLeast(1)) ?? d.Modules.Columns,
                modules.Integer("gap_rows", true, NumericRange.NonNegative) ?? d.Modules.GapRows,
                modules.Integer("gap_columns", true, NumericRange.NonNegative) ?? d.Modules.GapColumns);
        modules?.ReportUnknownKeys();
        var spec = new DetectorSpec(
            rows, columns,
            m.Number("pixel_um", false, Positive) ?? d.PixelUm,
            m.Number("distance_mm", false, Positive) ?? d.DistanceMm,
            centreX, centreY,
            m.Number("wavelength_nm", false, Positive) ?? d.WavelengthNm,
            moduleSpec,
            m.Number("beamstop_radius_px", false, NonNegative) ?? d.BeamstopRadiusPx,
            m.Number("arm_width_px", false, NonNegative) ?? d.ArmWidthPx,
            m.Integer("hot_pixels", false, NumericRange.NonNegative) ?? d.HotPixels);
        m.ReportUnknownKeys();
        if (centre is not null && !(centreX > 0 && centreX < columns && centreY > 0 && centreY < rows))
        {
            m.Context.Report(centre.KeyPath, $"the beam centre ({ScalarText.Format(centreX)}, {ScalarText.Format(centreY)}) px " +
                $"must lie on the {columns} × {rows} px detector.", centre.Node);
        }

        return spec;
    }

    private static BeamSpec ReadBeam(YamlMappingReader? m, BeamSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var spec = new BeamSpec(
            m.Number("fwhm_um", false, Positive) ?? d.FwhmUm,
            m.Number("i0", false, Positive) ?? d.I0,
            m.Number("i0_jitter", false, NumericRange.Between(0, 0.2)) ?? d.I0Jitter,
            m.Number("count_time_s", false, Positive) ?? d.CountTimeS,
            m.Number("gain", false, Positive) ?? d.Gain);
        m.ReportUnknownKeys();
        return spec;
    }

    private static RasterSpec ReadRaster(YamlMappingReader? m, RasterSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var spec = new RasterSpec(
            m.Integer("slices", false, NumericRange.AtLeast(1)) ?? d.Slices,
            m.Number("slice_step_um", false, Positive) ?? d.SliceStepUm,
            m.Number("first_slice_height_um", false) ?? d.FirstSliceHeightUm,
            m.Number("step_um", false, Positive) ?? d.StepUm,
            m.Number("margin_um", false, NonNegative) ?? d.MarginUm,
            m.Number("phase_steps", false, new NumericRange(0, true, 1, false)) ?? d.PhaseSteps,
            m.Number("axis_x_mm", false) ?? d.AxisXMm,
            m.Number("first_slice_y_mm", false) ?? d.FirstSliceYMm);
        m.ReportUnknownKeys();
        return spec;
    }

    private static LineScanSpec ReadLineScans(YamlMappingReader? m, LineScanSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var spec = new LineScanSpec(
            m.Number("shift_steps", false) ?? d.ShiftSteps,
            m.Number("step_ratio", false, NumericRange.Between(0.25, 4)) ?? d.StepRatio,
            m.Number("tube_offset_um", false) ?? d.TubeOffsetUm,
            m.Integer("frames", false, NumericRange.AtLeast(1)) ?? d.Frames);
        m.ReportUnknownKeys();
        return spec;
    }

    private static TubePlacementSpec ReadTube(YamlMappingReader? m, TubePlacementSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var centre = ReadPair(m, "centre_um", new Pair(d.CentreXUm, d.CentreZUm), null);
        var tilt = m.Mapping("tilt", false, "a mapping { x, z }: change of the tube centre per µm of height");
        var spec = new TubePlacementSpec(
            centre.X, centre.Z,
            tilt?.Number("x", true, NumericRange.Between(-0.2, 0.2)) ?? d.TiltX,
            tilt?.Number("z", true, NumericRange.Between(-0.2, 0.2)) ?? d.TiltZ,
            m.Boolean("absent_from_saxs", false) ?? d.AbsentFromSaxs,
            m.Number("cuboid_path_um", false, NumericRange.Positive) ?? d.CuboidPathUm);
        tilt?.ReportUnknownKeys();
        m.ReportUnknownKeys();
        return spec;
    }

    private static SampleSpec ReadSample(YamlMappingReader? m, SampleSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var outer = ReadPair(m, "outer_semi_axes_um", d.OuterSemiAxesUm, Positive);
        var inner = ReadPair(m, "inner_semi_axes_um", d.InnerSemiAxesUm, Positive);
        var spec = new SampleSpec(
            m.Number("disc_height_um", false, Positive) ?? d.DiscHeightUm,
            outer, inner,
            m.Number("bulge", false, NumericRange.Between(0, 0.5)) ?? d.Bulge,
            ReadPair(m, "centre_um", d.CentreUm, null),
            m.Number("orientation_deg", false, NumericRange.Between(-180, 180)) ?? d.OrientationDeg,
            m.Number("vertebra_height_um", false, Positive) ?? d.VertebraHeightUm);
        m.ReportUnknownKeys();
        if (inner.X >= outer.X || inner.Z >= outer.Z)
        {
            m.Context.Report(m.PathOf("inner_semi_axes_um"),
                $"the nucleus ({ScalarText.Format(inner.X)} × {ScalarText.Format(inner.Z)} µm) must be smaller than the " +
                $"outline ({ScalarText.Format(outer.X)} × {ScalarText.Format(outer.Z)} µm) on both axes.", m.Peek("inner_semi_axes_um") ?? m.Node);
        }

        return spec;
    }

    private static FibreSpec ReadFibres(YamlMappingReader? m, FibreSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var spec = new FibreSpec(
            m.Integer("lamellae", false, NumericRange.AtLeast(1)) ?? d.Lamellae,
            m.Number("tilt_deg", false, NumericRange.Between(0, 80)) ?? d.TiltDeg,
            ReadBounds(m, "length_um", d.LengthUm, Positive),
            ReadBounds(m, "radius_um", d.RadiusUm, Positive),
            m.Number("vertical_pitch_um", false, Positive) ?? d.VerticalPitchUm,
            m.Number("gap_um", false, NonNegative) ?? d.GapUm,
            m.Number("beta_jitter_deg", false, NumericRange.Between(0, 45)) ?? d.BetaJitterDeg,
            ReadBounds(m, "d_period_nm", d.DPeriodNm, Positive),
            ReadBounds(m, "wa_nm", d.WaNm, Positive),
            ReadBounds(m, "wmu_rad", d.WMuRad, new NumericRange(0, false, Math.PI / 2, false)),
            ReadBounds(m, "delta", d.Delta, new NumericRange(0, false, 1, true)),
            ReadBounds(m, "amplitude", d.Amplitude, Positive),
            m.Number("min_beam_weight", false, NonNegative) ?? d.MinBeamWeight);
        m.ReportUnknownKeys();
        return spec;
    }

    private static ScatteringSpec ReadScattering(YamlMappingReader? m, ScatteringSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var kapton = m.Mapping("kapton", false, "a mapping { a, q_nm, b }: σ = a/(1 + (q/q_nm)²)² + b per µm");
        var buffer = m.Mapping("buffer", false, "a mapping { c0, c1 }: σ = c0 + c1·q² per µm");
        var tissue = m.Mapping("tissue", false, "a mapping { a, q_nm }: σ = a/(1 + (q/q_nm)²) per µm");
        var air = m.Mapping("air", false, "a mapping { a0, a1, q_nm }: σ = a0 + a1·exp(−q/q_nm) per frame");
        var mu = m.Mapping("attenuation_per_mm", false, "a mapping { kapton, buffer, tissue, bone } in mm⁻¹");
        var spec = new ScatteringSpec(
            kapton is null ? d.Kapton : new KaptonScattering(
                kapton.Number("a", true, NonNegative) ?? d.Kapton.A,
                kapton.Number("q_nm", true, Positive) ?? d.Kapton.QNm,
                kapton.Number("b", true, NonNegative) ?? d.Kapton.B),
            buffer is null ? d.Buffer : new BufferScattering(
                buffer.Number("c0", true, NonNegative) ?? d.Buffer.C0,
                buffer.Number("c1", true, NonNegative) ?? d.Buffer.C1),
            tissue is null ? d.Tissue : new TissueScattering(
                tissue.Number("a", true, NonNegative) ?? d.Tissue.A,
                tissue.Number("q_nm", true, Positive) ?? d.Tissue.QNm),
            air is null ? d.Air : new AirScattering(
                air.Number("a0", true, NonNegative) ?? d.Air.A0,
                air.Number("a1", true, NonNegative) ?? d.Air.A1,
                air.Number("q_nm", true, Positive) ?? d.Air.QNm),
            mu is null ? d.AttenuationPerMm : new Attenuation(
                mu.Number("kapton", true, NonNegative) ?? d.AttenuationPerMm.Kapton,
                mu.Number("buffer", true, NonNegative) ?? d.AttenuationPerMm.Buffer,
                mu.Number("tissue", true, NonNegative) ?? d.AttenuationPerMm.Tissue,
                mu.Number("bone", true, NonNegative) ?? d.AttenuationPerMm.Bone));
        foreach (var section in new[] { kapton, buffer, tissue, air, mu })
        {
            section?.ReportUnknownKeys();
        }

        m.ReportUnknownKeys();
        return spec;
    }

    private static CtSpec ReadCt(YamlMappingReader? m, CtSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var grey = m.Mapping("grey", false, "a mapping { air, kapton, buffer, tissue, fibre, bone } of 16-bit grey values");
        var greyRange = NumericRange.Between(0, ushort.MaxValue);
        var spec = new CtSpec(
            m.Number("margin_um", false, NonNegative) ?? d.MarginUm,
            m.Number("vertebra_um", false, NonNegative) ?? d.VertebraUm,
            ReadPair(m, "centre_um", d.CentreUm, null),
            ReadBox(m, "high_res_size_um", d.HighResSizeUm, Positive),
            ReadBox(m, "high_res_offset_um", d.HighResOffsetUm, NonNegative),
            grey is null ? d.Grey : new CtGrey(
                grey.Number("air", true, greyRange) ?? d.Grey.Air,
                grey.Number("kapton", true, greyRange) ?? d.Grey.Kapton,
                grey.Number("buffer", true, greyRange) ?? d.Grey.Buffer,
                grey.Number("tissue", true, greyRange) ?? d.Grey.Tissue,
                grey.Number("fibre", true, greyRange) ?? d.Grey.Fibre,
                grey.Number("bone", true, greyRange) ?? d.Grey.Bone),
            m.Number("noise_sd", false, NonNegative) ?? d.NoiseSd);
        grey?.ReportUnknownKeys();
        m.ReportUnknownKeys();
        return spec;
    }

    private static FibreTracingSpec ReadFibreTracing(YamlMappingReader? m, FibreTracingSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var spec = new FibreTracingSpec(m.Integer("crop_margin_voxels", false, NumericRange.NonNegative) ?? d.CropMarginVoxels);
        m.ReportUnknownKeys();
        return spec;
    }

    private static WaxsSpec ReadWaxs(YamlMappingReader? m, WaxsSpec d)
    {
        if (m is null)
        {
            return d;
        }

        var density = m.Mapping("density", false, "a mapping { air, kapton, buffer, tissue, bone } of WAXS scattering per µm");
        var spec = new WaxsSpec(
            m.Number("step_x_um", false, Positive) ?? d.StepXUm,
            m.Number("step_y_um", false, Positive) ?? d.StepYUm,
            // The reference registration reads column 43 of the map.
            m.Integer("columns", false, NumericRange.AtLeast(44)) ?? d.Columns,
            m.Number("margin_um", false, NonNegative) ?? d.MarginUm,
            density is null ? d.Density : new WaxsDensity(
                density.Number("air", true, NonNegative) ?? d.Density.Air,
                density.Number("kapton", true, NonNegative) ?? d.Density.Kapton,
                density.Number("buffer", true, NonNegative) ?? d.Density.Buffer,
                density.Number("tissue", true, NonNegative) ?? d.Density.Tissue,
                density.Number("bone", true, NonNegative) ?? d.Density.Bone),
            m.Number("gain", false, Positive) ?? d.Gain,
            m.Number("beam_fwhm_um", false, NonNegative) ?? d.BeamFwhmUm);
        density?.ReportUnknownKeys();
        m.ReportUnknownKeys();
        return spec;
    }

    private static Pair ReadPair(YamlMappingReader m, string key, Pair fallback, NumericRange? range)
    {
        var pair = m.Mapping(key, false, "a mapping { x: µm, z: µm }");
        if (pair is null)
        {
            return fallback;
        }

        var result = new Pair(pair.Number("x", true, range) ?? fallback.X, pair.Number("z", true, range) ?? fallback.Z);
        pair.ReportUnknownKeys();
        return result;
    }

    private static Box ReadBox(YamlMappingReader m, string key, Box fallback, NumericRange range)
    {
        var box = m.Mapping(key, false, "a mapping { x: columns, y: rows, z: slices } in µm");
        if (box is null)
        {
            return fallback;
        }

        var result = new Box(box.Number("x", true, range) ?? fallback.X, box.Number("y", true, range) ?? fallback.Y, box.Number("z", true, range) ?? fallback.Z);
        box.ReportUnknownKeys();
        return result;
    }

    private static Bounds ReadBounds(YamlMappingReader m, string key, Bounds fallback, NumericRange range)
    {
        var bounds = m.Mapping(key, false, "a mapping { min, max }");
        if (bounds is null)
        {
            return fallback;
        }

        var min = bounds.Number("min", true, range);
        var max = bounds.Number("max", true, range);
        bounds.ReportUnknownKeys();
        if (min is { } low && max is { } high && high < low)
        {
            m.Context.Report(m.PathOf(key), $"max ({ScalarText.Format(high)}) is below min ({ScalarText.Format(low)}).", bounds.Node);
        }

        return new Bounds(min ?? fallback.Min, max ?? fallback.Max);
    }
}
