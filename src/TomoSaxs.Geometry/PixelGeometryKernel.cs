namespace TomoSaxs.Geometry;

/// <summary>
/// The per-point formulas of pyFAI 0.21.3's <c>ext/_geometry.pyx</c>, evaluated in the same order so results agree
/// to the last bit or so. Positions p1, p2 are offsets from the PONI in metres in the detector plane.
/// </summary>
internal readonly struct PixelGeometryKernel
{
    private readonly double _sinRot1, _cosRot1, _sinRot2, _cosRot2, _sinRot3, _cosRot3;
    private readonly double _distanceM;
    private readonly double _qFactor;

    public PixelGeometryKernel(PoniGeometry geometry)
    {
        _sinRot1 = Math.Sin(geometry.Rot1Rad);
        _cosRot1 = Math.Cos(geometry.Rot1Rad);
        _sinRot2 = Math.Sin(geometry.Rot2Rad);
        _cosRot2 = Math.Cos(geometry.Rot2Rad);
        _sinRot3 = Math.Sin(geometry.Rot3Rad);
        _cosRot3 = Math.Cos(geometry.Rot3Rad);
        _distanceM = geometry.DistanceM;
        // f_q: 4.0e-9 * M_PI / wavelength * sin(tth / 2), q in nm⁻¹ for a wavelength in metres.
        _qFactor = 4.0e-9 * Math.PI / geometry.WavelengthM;
    }

    /// <summary>pyFAI f_t1: lab coordinate along dimension 1 (vertical), m.</summary>
    public double T1(double p1, double p2) =>
        p1 * _cosRot2 * _cosRot3
        + p2 * (_cosRot3 * _sinRot1 * _sinRot2 - _cosRot1 * _sinRot3)
        - _distanceM * (_cosRot1 * _cosRot3 * _sinRot2 + _sinRot1 * _sinRot3);

    /// <summary>pyFAI f_t2: lab coordinate along dimension 2 (horizontal), m.</summary>
    public double T2(double p1, double p2) =>
        p1 * _cosRot2 * _sinRot3
        + p2 * (_cosRot1 * _cosRot3 + _sinRot1 * _sinRot2 * _sinRot3)
        - _distanceM * (-(_cosRot3 * _sinRot1) + _cosRot1 * _sinRot2 * _sinRot3);

    /// <summary>pyFAI f_t3: lab coordinate along the beam, m.</summary>
    public double T3(double p1, double p2) =>
        p1 * _sinRot2 - p2 * _cosRot2 * _sinRot1 + _distanceM * _cosRot1 * _cosRot2;

    /// <summary>pyFAI f_tth: scattering angle 2θ, rad.</summary>
    public static double TwoTheta(double t1, double t2, double t3) => Math.Atan2(Math.Sqrt(t1 * t1 + t2 * t2), t3);

    /// <summary>pyFAI f_q: scattering vector modulus from 2θ, nm⁻¹.</summary>
    public double Q(double twoTheta) => _qFactor * Math.Sin(twoTheta / 2.0);

    /// <summary>pyFAI f_chi: azimuth atan2(t1, t2) in [−π, π], rad.</summary>
    public static double Chi(double t1, double t2) => Math.Atan2(t1, t2);

    /// <summary>pyFAI f_cosa: cosine of the incidence angle on the detector plane (no rotation), dimensionless.</summary>
    public double CosIncidence(double p1, double p2) =>
        _distanceM / Math.Sqrt((_distanceM * _distanceM) + ((p1 * p1) + (p2 * p2)));
}
