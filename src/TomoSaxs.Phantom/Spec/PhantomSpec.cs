using System.Text.Json.Serialization;

namespace TomoSaxs.Phantom;

/// <summary>
/// The <c>phantom:</c> block of a synthetic scan's scan.yaml, typed and validated (see <see cref="PhantomSpecReader"/>).
/// Together with the rest of scan.yaml (tube size, rotation sign, angles, CT voxel sizes, fibre-tracing scale,
/// output paths) it fixes the whole synthetic scan; the seed makes every random draw reproducible.
/// Lengths are µm unless a name says otherwise; the sample frame is described in docs/phantom.md.
/// </summary>
/// <param name="Seed">Seed of every random draw (fibre layout and parameters, CT noise, flux jitter, Poisson noise).</param>
/// <param name="Noise">Poisson counting noise on the frames; false writes the rounded expected counts.</param>
/// <param name="Detector">The SAXS detector and its mask.</param>
/// <param name="Beam">Beam profile, flux, exposure and detector gain.</param>
/// <param name="Raster">The tomoSAXS raster (slices and beam positions) and its motor coordinates.</param>
/// <param name="LineScans">Where the empty-tube and buffer line scans sample the tube.</param>
/// <param name="Tube">Placement of the Kapton tube relative to the SAXS rotation axis.</param>
/// <param name="Sample">The IVD-like sample between two vertebra blocks.</param>
/// <param name="Fibres">The lamellae of collagen fibre segments and their nanoscale parameters.</param>
/// <param name="Scattering">Isotropic scattering and attenuation of Kapton, buffer, tissue and air.</param>
/// <param name="Ct">The high- and low-resolution CT volumes.</param>
/// <param name="FibreTracing">The cropped fibre-tracing volumes.</param>
/// <param name="Waxs">The coarse WAXS map.</param>
/// <param name="FloatFrames">Noise-free only: write the SAXS, background and buffer frames as float32 expected
/// counts (not rounded to integers), for tests whose tolerance is below the integer rounding. Off by default; left
/// out of the fingerprint when off, so existing presets keep theirs.</param>
public sealed record PhantomSpec(
    int Seed,
    bool Noise,
    DetectorSpec Detector,
    BeamSpec Beam,
    RasterSpec Raster,
    LineScanSpec LineScans,
    TubePlacementSpec Tube,
    SampleSpec Sample,
    FibreSpec Fibres,
    ScatteringSpec Scattering,
    CtSpec Ct,
    FibreTracingSpec FibreTracing,
    WaxsSpec Waxs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool FloatFrames = false)
{
    /// <summary>The values used for every key the <c>phantom:</c> block leaves out (a small phantom; seed 1).</summary>
    public static PhantomSpec Defaults { get; } = new(
        Seed: 1,
        Noise: true,
        Detector: new DetectorSpec(240, 150, 172, 4400, 128.3, 119.6, 0.08856015,
            new ModuleSpec(97, 100, 8, 5), BeamstopRadiusPx: 6, ArmWidthPx: 3, HotPixels: 3),
        Beam: new BeamSpec(FwhmUm: null, I0: 1e5, I0Jitter: 0.02, CountTimeS: 1, Gain: 3e-7),
        Raster: new RasterSpec(Slices: 4, SliceStepUm: 100, FirstSliceHeightUm: 550, StepUm: 100, MarginUm: 300,
            PhaseSteps: 0.3, AxisXMm: 12.5, FirstSliceYMm: 4.2),
        LineScans: new LineScanSpec(ShiftSteps: 0.4, StepRatio: 0.9, TubeOffsetUm: 230),
        Tube: new TubePlacementSpec(CentreXUm: 60, CentreZUm: -40, TiltX: 0.02, TiltZ: -0.01),
        Sample: new SampleSpec(DiscHeightUm: 800, OuterSemiAxesUm: new Pair(1450, 1050), InnerSemiAxesUm: new Pair(650, 420),
            Bulge: 0.06, CentreUm: new Pair(40, 25), OrientationDeg: 12, VertebraHeightUm: 400),
        Fibres: new FibreSpec(Lamellae: 5, TiltDeg: 30, LengthUm: new Bounds(400, 650), RadiusUm: new Bounds(15, 25),
            VerticalPitchUm: 160, GapUm: 70, BetaJitterDeg: 3, DPeriodNm: new Bounds(64, 69), WaNm: new Bounds(0.0015, 0.004),
            WMuRad: new Bounds(0.12, 0.3), Delta: new Bounds(0.3, 0.7), Amplitude: new Bounds(0.5, 2), MinBeamWeight: 1e-3),
        Scattering: new ScatteringSpec(
            Kapton: new KaptonScattering(500, 0.1, 1),
            Buffer: new BufferScattering(2, 5),
            Tissue: new TissueScattering(6.8, 0.15),
            Air: new AirScattering(1, 20, 0.05),
            AttenuationPerMm: new Attenuation(Kapton: 0.17, Buffer: 0.26, Tissue: 0.3, Bone: 1.5)),
        Ct: new CtSpec(MarginUm: 200, VertebraUm: 300, CentreUm: new Pair(-35, 55),
            HighResSizeUm: new Box(3600, 3600, 1200), HighResOffsetUm: new Box(500, 480, 200),
            Grey: new CtGrey(Air: 1000, Kapton: 12000, Buffer: 9000, Tissue: 11000, Fibre: 14000, Bone: 30000), NoiseSd: 150),
        FibreTracing: new FibreTracingSpec(CropMarginVoxels: 3),
        Waxs: new WaxsSpec(StepXUm: 100, StepYUm: 50, Columns: 48, MarginUm: 100,
            Density: new WaxsDensity(Air: 0.02, Kapton: 4, Buffer: 1, Tissue: 0.8, Bone: 30), Gain: 1e-3));
}

/// <summary>A pair of horizontal lengths: along the sample frame's x and z axes (µm).</summary>
/// <param name="X">Along x (the raster axis at θ = 0), µm.</param>
/// <param name="Z">Along z (the beam at θ = 0), µm.</param>
public readonly record struct Pair(double X, double Z);

/// <summary>A closed interval [Min, Max] from which a value is drawn.</summary>
/// <param name="Min">Lower end.</param>
/// <param name="Max">Upper end (≥ Min).</param>
public readonly record struct Bounds(double Min, double Max);

/// <summary>A box size or offset along the CT volume axes x (columns), y (rows) and z (slices), µm.</summary>
/// <param name="X">Along columns (sample x), µm.</param>
/// <param name="Y">Along rows (sample z, the beam at θ = 0), µm.</param>
/// <param name="Z">Along slices (downwards), µm.</param>
public readonly record struct Box(double X, double Y, double Z);

/// <summary>The SAXS detector (pyFAI/DAWN conventions: rows = dimension 1, slow).</summary>
/// <param name="Rows">Detector rows.</param>
/// <param name="Columns">Detector columns.</param>
/// <param name="PixelUm">Square pixel pitch, µm.</param>
/// <param name="DistanceMm">Sample to detector distance, mm.</param>
/// <param name="CentreXPx">Beam centre along columns, pixels from the detector edge.</param>
/// <param name="CentreYPx">Beam centre along rows, pixels from the detector edge.</param>
/// <param name="WavelengthNm">X-ray wavelength, nm.</param>
/// <param name="Modules">The Pilatus-like module grid whose gaps read −1 and are masked.</param>
/// <param name="BeamstopRadiusPx">Radius of the masked beamstop disc around the beam centre, pixels.</param>
/// <param name="ArmWidthPx">Width of the masked beamstop arm running from the centre to the left edge (pipeline χ = 180°), pixels; 0 for none.</param>
/// <param name="HotPixels">Number of isolated masked pixels (they read normally in the phantom).</param>
public sealed record DetectorSpec(
    int Rows, int Columns, double PixelUm, double DistanceMm, double CentreXPx, double CentreYPx, double WavelengthNm,
    ModuleSpec Modules, double BeamstopRadiusPx, double ArmWidthPx, int HotPixels);

/// <summary>A module grid starting at pixel (0, 0): modules of Rows × Columns pixels separated by gaps.</summary>
/// <param name="Rows">Module height, pixels (Pilatus: 195).</param>
/// <param name="Columns">Module width, pixels (Pilatus: 487).</param>
/// <param name="GapRows">Rows of gap between module rows (Pilatus 2M: 17).</param>
/// <param name="GapColumns">Columns of gap between module columns (Pilatus 2M: 7).</param>
public sealed record ModuleSpec(int Rows, int Columns, int GapRows, int GapColumns);

/// <summary>The incident beam and the detector's counting.</summary>
/// <param name="FwhmUm">Lateral FWHM of the Gaussian beam profile, µm; null for one raster step.</param>
/// <param name="I0">Mean incident-flux monitor reading (I0, channel 5).</param>
/// <param name="I0Jitter">Relative standard deviation of I0 from frame to frame.</param>
/// <param name="CountTimeS">Exposure per frame, s.</param>
/// <param name="Gain">Expected counts per (monitor count × s × unit of model intensity).</param>
public sealed record BeamSpec(double? FwhmUm, double I0, double I0Jitter, double CountTimeS, double Gain);

/// <summary>The tomoSAXS raster: the same grid at every rotation angle.</summary>
/// <param name="Slices">Number of raster rows ("slices"), from the top down.</param>
/// <param name="SliceStepUm">Vertical step between slices, which is also the beam height, µm.</param>
/// <param name="FirstSliceHeightUm">Height of slice 0's beam centre above the lower endplate, µm.</param>
/// <param name="StepUm">Horizontal step between beam positions, µm.</param>
/// <param name="MarginUm">Air beyond the tube walls that the raster covers on each side (for every angle), µm.</param>
/// <param name="PhaseSteps">Offset of the position grid from the rotation axis, in steps (0 puts a position on the axis).</param>
/// <param name="AxisXMm">Motor x (base_x_value) at which the beam passes through the rotation axis, mm.</param>
/// <param name="FirstSliceYMm">Motor y (base_y_value) of slice 0, mm; larger y is further down the sample.</param>
public sealed record RasterSpec(
    int Slices, double SliceStepUm, double FirstSliceHeightUm, double StepUm, double MarginUm, double PhaseSteps,
    double AxisXMm, double FirstSliceYMm);

/// <summary>The empty-tube (background) and buffer-filled line scans: a grid shifted and spaced differently from the raster.</summary>
/// <param name="ShiftSteps">Shift of their first position from the raster's first position, in raster steps.</param>
/// <param name="StepRatio">Their step over the raster step.</param>
/// <param name="TubeOffsetUm">Motor x offset of their tube's centre from the raster's rotation axis, µm.</param>
/// <param name="Frames">Keep only the first this many positions of their grid (a single-frame background with 1);
/// null = the whole grid. Left out of the fingerprint when null, so existing scans keep theirs.</param>
public sealed record LineScanSpec(
    double ShiftSteps, double StepRatio, double TubeOffsetUm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Frames = null);

/// <summary>Where the Kapton tube's axis runs, in the sample frame (origin on the SAXS rotation axis).</summary>
/// <param name="CentreXUm">Tube centre x at the lower endplate's height, µm.</param>
/// <param name="CentreZUm">Tube centre z at the lower endplate's height, µm.</param>
/// <param name="TiltX">Change of the centre's x per µm of height (a slightly tilted tube).</param>
/// <param name="TiltZ">Change of the centre's z per µm of height.</param>
/// <param name="AbsentFromSaxs">A chamber-free variant for the Correct tests: the SAXS frames and the line scans see
/// no Kapton and no buffer (the sample in air); CT, WAXS and truth geometry keep the tube. Left out of the
/// fingerprint when false.</param>
/// <param name="CuboidPathUm">A Kapton-cuboid variant for the Correct tests: the SAXS beams and line scans see, instead of the
/// tube, a lab-fixed cuboid of the tube's outer width: inside its inner width a buffer path of this length (µm)
/// minus the sample and two walls of Kapton, along its side walls Kapton over this length plus two walls. CT, WAXS
/// and truth geometry keep the tube. Left out of the fingerprint when null.</param>
public sealed record TubePlacementSpec(
    double CentreXUm, double CentreZUm, double TiltX, double TiltZ,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool AbsentFromSaxs = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? CuboidPathUm = null);

/// <summary>The IVD-like sample: an elliptical disc (nucleus inside an annulus) between two vertebra blocks.</summary>
/// <param name="DiscHeightUm">Height between the lower (h = 0) and upper endplate (the vertical fiducial), µm.</param>
/// <param name="OuterSemiAxesUm">Semi-axes of the disc's outline at the endplates, µm.</param>
/// <param name="InnerSemiAxesUm">Semi-axes of the nucleus (no fibres) at the endplates, µm.</param>
/// <param name="Bulge">Relative growth of all semi-axes at mid-height (the disc bulges: a(h) = a·(1 + 4·bulge·u(1 − u)), u = h/height).</param>
/// <param name="CentreUm">Centre of the ellipses relative to the tube axis, µm.</param>
/// <param name="OrientationDeg">Angle of the first semi-axis from the sample x axis towards z, degrees.</param>
/// <param name="VertebraHeightUm">Height of each vertebra block above and below the disc, µm.</param>
public sealed record SampleSpec(
    double DiscHeightUm, Pair OuterSemiAxesUm, Pair InnerSemiAxesUm, double Bulge, Pair CentreUm, double OrientationDeg,
    double VertebraHeightUm);

/// <summary>The collagen fibre segments: lamellae of straight segments laid along concentric ellipses.</summary>
/// <param name="Lamellae">Number of lamellae between the nucleus and the outline.</param>
/// <param name="TiltDeg">Inclination from the horizontal plane; alternates in sign between lamellae (α = 90° ∓ tilt).</param>
/// <param name="LengthUm">Segment length, µm.</param>
/// <param name="RadiusUm">Segment radius, µm.</param>
/// <param name="VerticalPitchUm">Vertical distance between rows of segments within a lamella, µm.</param>
/// <param name="GapUm">Arc length left free between consecutive segments of a row, µm.</param>
/// <param name="BetaJitterDeg">Standard deviation of the azimuth about the circumferential direction, degrees.</param>
/// <param name="DPeriodNm">D-period, nm (q0 = 6π/D).</param>
/// <param name="WaNm">Radial width wa, nm⁻¹.</param>
/// <param name="WMuRad">Misorientation wMu, radians.</param>
/// <param name="Delta">Curvature δ.</param>
/// <param name="Amplitude">Scattering amplitude, drawn log-uniformly.</param>
/// <param name="MinBeamWeight">Beam weights below this (fibre-tracing voxels) are left out of a beam path.</param>
public sealed record FibreSpec(
    int Lamellae, double TiltDeg, Bounds LengthUm, Bounds RadiusUm, double VerticalPitchUm, double GapUm, double BetaJitterDeg,
    Bounds DPeriodNm, Bounds WaNm, Bounds WMuRad, Bounds Delta, Bounds Amplitude, double MinBeamWeight);

/// <summary>Isotropic scattering per µm of path (model intensity units) and linear attenuation.</summary>
/// <param name="Kapton">Kapton: σ_k(q) = A/(1 + (q/q_k)²)² + B.</param>
/// <param name="Buffer">Buffer: σ_b(q) = c0 + c1·q².</param>
/// <param name="Tissue">Diffuse tissue scattering under the fibre reflections: σ_s(q) = A/(1 + (q/q_s)²).</param>
/// <param name="Air">Air and instrument, per frame (not per µm): σ_air(q) = a0 + a1·exp(−q/q_a).</param>
/// <param name="AttenuationPerMm">Linear attenuation coefficients, mm⁻¹.</param>
public sealed record ScatteringSpec(
    KaptonScattering Kapton, BufferScattering Buffer, TissueScattering Tissue, AirScattering Air, Attenuation AttenuationPerMm);

/// <summary>σ_k(q) = A/(1 + (q/q_k)²)² + B per µm of Kapton.</summary>
/// <param name="A">Low-q amplitude, per µm.</param>
/// <param name="QNm">Width q_k, nm⁻¹.</param>
/// <param name="B">Flat part, per µm.</param>
public sealed record KaptonScattering(double A, double QNm, double B);

/// <summary>σ_b(q) = c0 + c1·q² per µm of buffer (q in nm⁻¹).</summary>
/// <param name="C0">Flat part, per µm.</param>
/// <param name="C1">q² coefficient, per µm per nm⁻².</param>
public sealed record BufferScattering(double C0, double C1);

/// <summary>σ_s(q) = A/(1 + (q/q_s)²) per µm of tissue.</summary>
/// <param name="A">Amplitude, per µm.</param>
/// <param name="QNm">Width q_s, nm⁻¹.</param>
public sealed record TissueScattering(double A, double QNm);

/// <summary>σ_air(q) = a0 + a1·exp(−q/q_a) per frame.</summary>
/// <param name="A0">Flat part.</param>
/// <param name="A1">Low-q part.</param>
/// <param name="QNm">Decay q_a, nm⁻¹.</param>
public sealed record AirScattering(double A0, double A1, double QNm);

/// <summary>Linear attenuation coefficients μ, mm⁻¹ (transmission T = exp(−Σ μ·L)).</summary>
/// <param name="Kapton">Kapton.</param>
/// <param name="Buffer">Buffer (PBS).</param>
/// <param name="Tissue">Disc tissue.</param>
/// <param name="Bone">Vertebra (WAXS map only: the raster stays inside the disc).</param>
public sealed record Attenuation(double Kapton, double Buffer, double Tissue, double Bone);

/// <summary>The CT volumes (voxel sizes come from raw.ct.voxel_um).</summary>
/// <param name="MarginUm">In-plane field of view of the low-resolution CT beyond the tube's outer wall, µm.</param>
/// <param name="VertebraUm">How much of each vertebra the low-resolution CT includes, µm.</param>
/// <param name="CentreUm">The CT reconstruction centre in the sample frame (relative to the SAXS rotation axis), µm.</param>
/// <param name="HighResSizeUm">Field of view of the high-resolution CT, µm.</param>
/// <param name="HighResOffsetUm">Offset of the high-resolution volume's first voxel corner from the low-resolution one's, µm.</param>
/// <param name="Grey">16-bit grey values of each material.</param>
/// <param name="NoiseSd">Standard deviation of the Gaussian grey-value noise.</param>
public sealed record CtSpec(double MarginUm, double VertebraUm, Pair CentreUm, Box HighResSizeUm, Box HighResOffsetUm, CtGrey Grey, double NoiseSd);

/// <summary>16-bit CT grey values per material.</summary>
/// <param name="Air">Air.</param>
/// <param name="Kapton">Kapton.</param>
/// <param name="Buffer">Buffer.</param>
/// <param name="Tissue">Disc tissue.</param>
/// <param name="Fibre">Fibre segments.</param>
/// <param name="Bone">Vertebrae.</param>
public sealed record CtGrey(double Air, double Kapton, double Buffer, double Tissue, double Fibre, double Bone);

/// <summary>The fibre-tracing volumes (voxel = high-resolution CT voxel × raw.fibres.scale).</summary>
/// <param name="CropMarginVoxels">Voxels kept around the fibres' bounding box when cropping.</param>
public sealed record FibreTracingSpec(int CropMarginVoxels);

/// <summary>The coarse WAXS map taken at θ = 0 over the whole sample height.</summary>
/// <param name="StepXUm">Horizontal step, µm.</param>
/// <param name="StepYUm">Vertical step, µm.</param>
/// <param name="Columns">Number of columns, centred on the rotation axis.</param>
/// <param name="MarginUm">Height covered beyond the low-resolution CT at top and bottom, µm.</param>
/// <param name="Density">WAXS scattering per µm of each material.</param>
/// <param name="Gain">Counts per (monitor count × s × unit of WAXS density × µm).</param>
/// <param name="BeamFwhmUm">FWHM of the WAXS beam's round Gaussian profile, µm; null = the SAXS beam's
/// (<see cref="BeamSpec.FwhmUm"/>); 0 = a pencil beam.</param>
public sealed record WaxsSpec(double StepXUm, double StepYUm, int Columns, double MarginUm, WaxsDensity Density, double Gain, double? BeamFwhmUm = null);

/// <summary>WAXS scattering per µm of each material (bone bright, the disc dark).</summary>
/// <param name="Air">Air, per frame.</param>
/// <param name="Kapton">Kapton.</param>
/// <param name="Buffer">Buffer.</param>
/// <param name="Tissue">Disc tissue.</param>
/// <param name="Bone">Vertebrae.</param>
public sealed record WaxsDensity(double Air, double Kapton, double Buffer, double Tissue, double Bone);
