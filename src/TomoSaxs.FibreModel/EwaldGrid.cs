namespace TomoSaxs.FibreModel;

/// <summary>
/// The lab-frame Ewald vectors Q_lab(q_j, χ_i) of a χ × q detector grid, computed once and reused for every
/// fibre: the amplitude and reconstruction stages evaluate thousands of fibres on the same grid, and the sines,
/// cosines and square roots of the sampling are then paid only once. Immutable and thread-safe.
/// </summary>
/// <remarks>Vectors are stored as three contiguous component arrays (structure of arrays) in χ-major order:
/// element i·<see cref="QCount"/> + j belongs to (χ_i, q_j).</remarks>
public sealed class EwaldGrid
{
    private readonly double[] qNm;
    private readonly double[] chiDeg;

    private EwaldGrid(double[] qNm, double[] chiDeg, double wavelengthNm, double[] x, double[] y, double[] z)
    {
        this.qNm = qNm;
        this.chiDeg = chiDeg;
        WavelengthNm = wavelengthNm;
        Qx = x;
        Qy = y;
        Qz = z;
    }

    /// <summary>The X-ray wavelength, in nm.</summary>
    public double WavelengthNm { get; }

    /// <summary>The q samples, in nm⁻¹.</summary>
    public ReadOnlySpan<double> QNm => qNm;

    /// <summary>The χ samples, in degrees (model convention).</summary>
    public ReadOnlySpan<double> ChiDeg => chiDeg;

    /// <summary>The number of q samples.</summary>
    public int QCount => qNm.Length;

    /// <summary>The number of χ samples.</summary>
    public int ChiCount => chiDeg.Length;

    /// <summary>x components of Q_lab in nm⁻¹, χ-major.</summary>
    internal double[] Qx { get; }

    /// <summary>y components of Q_lab in nm⁻¹, χ-major.</summary>
    internal double[] Qy { get; }

    /// <summary>z components of Q_lab in nm⁻¹, χ-major.</summary>
    internal double[] Qz { get; }

    /// <summary>The lab-frame vector sampled at (χ_i, q_j), in nm⁻¹.</summary>
    public Vec3 this[int chiIndex, int qIndex]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(chiIndex);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chiIndex, ChiCount);
            ArgumentOutOfRangeException.ThrowIfNegative(qIndex);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(qIndex, QCount);
            var n = chiIndex * QCount + qIndex;
            return new Vec3(Qx[n], Qy[n], Qz[n]);
        }
    }

    /// <summary>
    /// Builds the grid for q samples in nm⁻¹, model χ samples in degrees and a wavelength in nm.
    /// </summary>
    public static EwaldGrid Create(ReadOnlySpan<double> qNm, ReadOnlySpan<double> chiDeg, double wavelengthNm)
    {
        if (qNm.IsEmpty || chiDeg.IsEmpty)
        {
            throw new ArgumentException("An Ewald grid needs at least one q and one χ sample.");
        }

        var k = EwaldSphere.WaveNumber(wavelengthNm);
        var nq = qNm.Length;
        var inPlane = new double[nq];
        var axial = new double[nq];
        for (var j = 0; j < nq; j++)
        {
            EwaldSphere.CheckQ(qNm[j], k);
            (inPlane[j], axial[j]) = EwaldSphere.InPlaneAndAxial(qNm[j], k);
        }

        var size = checked(chiDeg.Length * nq);
        var x = new double[size];
        var y = new double[size];
        var z = new double[size];
        for (var i = 0; i < chiDeg.Length; i++)
        {
            if (!double.IsFinite(chiDeg[i]))
            {
                throw new ArgumentException($"χ sample {i} is not finite ({chiDeg[i]}).", nameof(chiDeg));
            }

            var chi = chiDeg[i] * AngleUnits.RadiansPerDegree;
            var cos = Math.Cos(chi);
            var sin = Math.Sin(chi);
            var row = i * nq;
            for (var j = 0; j < nq; j++)
            {
                x[row + j] = inPlane[j] * cos;
                y[row + j] = inPlane[j] * sin;
                z[row + j] = axial[j];
            }
        }

        return new EwaldGrid(qNm.ToArray(), chiDeg.ToArray(), wavelengthNm, x, y, z);
    }

    /// <summary>
    /// The grid of an I(χ) profile: the numpy-arange q grid over [q1, q2) with nominal nq points (nm⁻¹) and the
    /// inclusive χ linspace chi1…chi2 with nchi points (degrees), at wavelength λ (nm).
    /// </summary>
    public static EwaldGrid ForChiProfile(double q1, double q2, int nq, double chi1Deg, double chi2Deg, int nchi, double wavelengthNm) =>
        Create(ProfileGrids.QGrid(q1, q2, nq), ProfileGrids.ChiGrid(chi1Deg, chi2Deg, nchi), wavelengthNm);

    /// <summary>
    /// The grid of a sector I(q) profile: the given q bin centres (nm⁻¹) and the sector's χ samples around
    /// <paramref name="centreDeg"/> (default ±3°, 6 samples; degrees), at wavelength λ (nm).
    /// </summary>
    public static EwaldGrid ForSector(ReadOnlySpan<double> qNm, double centreDeg, double wavelengthNm, double halfWidthDeg = 3.0, int samples = 6) =>
        Create(qNm, ProfileGrids.SectorChi(centreDeg, halfWidthDeg, samples), wavelengthNm);
}
