using TomoSaxs.FibreModel;
using TomoSaxs.Geometry;

namespace TomoSaxs.Phantom;

/// <summary>
/// The phantom's detector: its DAWN calibration and the equivalent PONI geometry (exactly as the pipeline derives
/// it from calibration.nxs), the mask (module gaps, beamstop disc and arm, hot pixels), and per pixel: q, the model
/// azimuth χ_model = −χ_pyFAI (pipeline χ = χ_model mod 360°), the Ewald vector Q_lab the fibre model is evaluated
/// at, and the isotropic scattering forms. Per-pixel arrays are row-major [rows, columns] and built once.
/// </summary>
internal sealed class DetectorModel
{
    public DetectorModel(DetectorSpec spec, ScatteringSpec scattering, int seed)
    {
        Spec = spec;
        Calibration = new DawnCalibration(spec.DistanceMm * 1000, spec.CentreXPx, spec.CentreYPx, spec.PixelUm, spec.PixelUm, spec.WavelengthNm);
        Geometry = Calibration.ToPoni();
        (Gap, Blocked, Mask) = BuildMask(spec, seed);
        var map = PixelMap.Create(Geometry, spec.Rows, spec.Columns);
        var count = map.PixelCount;
        QNm = map.QNm.ToArray();
        var chiPyFai = map.ChiPyFaiRad;
        Qx = new double[count];
        Qy = new double[count];
        Qz = new double[count];
        KaptonForm = new double[count];
        BufferForm = new double[count];
        TissueForm = new double[count];
        AirForm = new double[count];
        for (var p = 0; p < count; p++)
        {
            var q = QNm[p];
            // Model χ is measured from +x towards +y (up): χ_model = −χ_pyFAI (reference amplitudes note §0).
            var lab = EwaldSphere.Sample(q, -chiPyFai[p] * 180.0 / Math.PI, spec.WavelengthNm);
            (Qx[p], Qy[p], Qz[p]) = (lab.X, lab.Y, lab.Z);
            KaptonForm[p] = ScatteringForms.Kapton(scattering.Kapton, q);
            BufferForm[p] = ScatteringForms.Buffer(scattering.Buffer, q);
            TissueForm[p] = ScatteringForms.Tissue(scattering.Tissue, q);
            AirForm[p] = ScatteringForms.Air(scattering.Air, q);
        }
    }

    public DetectorSpec Spec { get; }

    /// <summary>The calibration written to calibration.nxs.</summary>
    public DawnCalibration Calibration { get; }

    /// <summary>The PONI geometry the pipeline derives from the calibration.</summary>
    public PoniGeometry Geometry { get; }

    public int Rows => Spec.Rows;

    public int Columns => Spec.Columns;

    public int PixelCount => Spec.Rows * Spec.Columns;

    /// <summary>Module-gap pixels: they read −1.</summary>
    public bool[] Gap { get; }

    /// <summary>Pixels behind the beamstop and its arm: they read 0.</summary>
    public bool[] Blocked { get; }

    /// <summary>The mask written to mask.nxs: gaps, beamstop, arm and hot pixels.</summary>
    public DetectorMask Mask { get; }

    /// <summary>q at pixel centres, nm⁻¹ (pyFAI's float32 centre rule).</summary>
    public double[] QNm { get; }

    /// <summary>Q_lab x, y, z at pixel centres, nm⁻¹.</summary>
    public double[] Qx { get; }

    public double[] Qy { get; }

    public double[] Qz { get; }

    /// <summary>σ_k(q) per pixel, per µm.</summary>
    public double[] KaptonForm { get; }

    /// <summary>σ_b(q) per pixel, per µm.</summary>
    public double[] BufferForm { get; }

    /// <summary>σ_s(q) per pixel, per µm.</summary>
    public double[] TissueForm { get; }

    /// <summary>σ_air(q) per pixel, per frame.</summary>
    public double[] AirForm { get; }

    /// <summary>The pixel flags of the spec's mask: (gap, blocked, full mask).</summary>
    public static (bool[] Gap, bool[] Blocked, DetectorMask Mask) BuildMask(DetectorSpec spec, int seed)
    {
        var count = spec.Rows * spec.Columns;
        var gap = new bool[count];
        var blocked = new bool[count];
        var excluded = new bool[count];
        var module = spec.Modules;
        for (var row = 0; row < spec.Rows; row++)
        {
            var rowInGap = row % (module.Rows + module.GapRows) >= module.Rows;
            var dy = row + 0.5 - spec.CentreYPx;
            for (var column = 0; column < spec.Columns; column++)
            {
                var p = row * spec.Columns + column;
                var dx = column + 0.5 - spec.CentreXPx;
                gap[p] = rowInGap || column % (module.Columns + module.GapColumns) >= module.Columns;
                var inBeamstop = dx * dx + dy * dy <= spec.BeamstopRadiusPx * spec.BeamstopRadiusPx;
                var inArm = spec.ArmWidthPx > 0 && Math.Abs(dy) <= spec.ArmWidthPx / 2 && dx <= 0;
                blocked[p] = !gap[p] && (inBeamstop || inArm);
                excluded[p] = gap[p] || blocked[p];
            }
        }

        var random = new PhantomRandom(seed, "hot-pixels");
        var placed = 0;
        while (placed < spec.HotPixels)
        {
            var p = random.NextInt(count);
            if (!excluded[p])
            {
                excluded[p] = true;
                placed++;
            }
        }

        return (gap, blocked, DetectorMask.FromExcluded(excluded, spec.Rows, spec.Columns));
    }
}
