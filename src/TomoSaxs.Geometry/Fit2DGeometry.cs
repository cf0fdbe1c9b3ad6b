namespace TomoSaxs.Geometry;

/// <summary>
/// A detector geometry in Fit2D's parameters, converted to and from <see cref="PoniGeometry"/> exactly as pyFAI
/// 0.21.3's <c>Geometry.setFit2D</c> / <c>Geometry.getFit2D</c> do (HPR 1996 (14) p. 240 conventions).
/// </summary>
/// <remarks>
/// Fit2D has no equivalent of pyFAI's rot3 (rotation about the beam): <see cref="FromPoni"/> ignores it, and
/// <see cref="ToPoni"/> derives rot3 from pyFAI's own formula, which for small tilts gives a value close to zero.
/// A PONI → Fit2D → PONI round trip therefore reproduces dist, poni1, poni2, rot1 and rot2 but not rot3.
/// </remarks>
/// <param name="DirectDistanceMm">Sample to beam-centre distance along the incident beam, mm.</param>
/// <param name="CenterXPx">Beam centre along columns (dimension 2), pixels from the detector edge.</param>
/// <param name="CenterYPx">Beam centre along rows (dimension 1), pixels from the detector edge.</param>
/// <param name="TiltDeg">Detector tilt, degrees.</param>
/// <param name="TiltPlaneRotationDeg">Rotation of the tilt plane about the detector normal, degrees.</param>
/// <param name="PixelXUm">Column pitch (pyFAI pixel2), µm.</param>
/// <param name="PixelYUm">Row pitch (pyFAI pixel1), µm.</param>
public sealed record Fit2DGeometry(
    double DirectDistanceMm,
    double CenterXPx,
    double CenterYPx,
    double TiltDeg,
    double TiltPlaneRotationDeg,
    double PixelXUm,
    double PixelYUm)
{
    // numpy.radians / numpy.degrees multiply by these constants.
    private const double RadiansPerDegree = Math.PI / 180.0;
    private const double DegreesPerRadian = 180.0 / Math.PI;

    /// <summary>
    /// The PONI geometry, following pyFAI 0.21.3 <c>setFit2D</c> step by step in SI units (so results agree with
    /// pyFAI to the last bits), including its rot3 expression.
    /// </summary>
    /// <param name="wavelengthNm">X-ray wavelength, nm (Fit2D parameters carry none).</param>
    public PoniGeometry ToPoni(double wavelengthNm)
    {
        var cosTilt = Math.Cos(TiltDeg * RadiansPerDegree);
        var sinTilt = Math.Sin(TiltDeg * RadiansPerDegree);
        var cosTpr = Math.Cos(TiltPlaneRotationDeg * RadiansPerDegree);
        var sinTpr = Math.Sin(TiltPlaneRotationDeg * RadiansPerDegree);
        var pixel1 = PixelYUm * 1.0e-6;
        var pixel2 = PixelXUm * 1.0e-6;

        var dist = DirectDistanceMm * cosTilt * 1.0e-3;
        var poni1 = CenterYPx * pixel1 - DirectDistanceMm * sinTilt * sinTpr * 1.0e-3;
        var poni2 = CenterXPx * pixel2 - DirectDistanceMm * sinTilt * cosTpr * 1.0e-3;
        var rot2 = Math.Asin(sinTilt * sinTpr);
        var sinProduct = sinTpr * sinTilt;
        var rot1 = Math.Acos(Math.Min(1.0, Math.Max(-1.0, cosTilt / Math.Sqrt(1.0 - sinProduct * sinProduct))));
        if (cosTpr * sinTilt > 0)
        {
            rot1 = -rot1;
        }

        double rot3;
        if (TiltDeg == 0.0)
        {
            rot3 = 0.0;
        }
        else
        {
            // pyFAI 0.21.3 literally divides by sqrt(10 - …); reproduced as is so rot3 matches pyFAI.
            var ratio = (cosTilt * cosTpr * sinTpr - cosTpr * sinTpr)
                        / Math.Sqrt(10 - sinTpr * sinTpr * sinTilt * sinTilt);
            rot3 = Math.PI / 2.0 - Math.Acos(Math.Min(1.0, Math.Max(-1.0, ratio)));
        }

        // The wavelength is not part of Fit2D's parameters; keep the caller's nm value unconverted.
        return PoniGeometry.FromSi(dist, poni1, poni2, rot1, rot2, rot3, pixel1, pixel2, 0.0) with { WavelengthNm = wavelengthNm };
    }

    /// <summary>
    /// The Fit2D parameters of a PONI geometry, following pyFAI 0.21.3 <c>getFit2D</c> (rot3 is ignored).
    /// </summary>
    /// <param name="poni">The geometry to express.</param>
    public static Fit2DGeometry FromPoni(PoniGeometry poni)
    {
        ArgumentNullException.ThrowIfNull(poni);
        double dist = poni.DistanceM, poni1 = poni.Poni1M, poni2 = poni.Poni2M;
        double pixel1 = poni.Pixel1M, pixel2 = poni.Pixel2M;

        var cosTilt = Math.Cos(poni.Rot1Rad) * Math.Cos(poni.Rot2Rad);
        var sinTilt = Math.Sqrt(1.0 - cosTilt * cosTilt);
        var tanTilt = sinTilt / cosTilt;
        double cosTpr, sinTpr;
        if (sinTilt == 0)
        {
            // The tilt-plane rotation is undefined without tilt; pyFAI sets it to zero.
            cosTilt = 1.0;
            sinTilt = 0.0;
            cosTpr = 1.0;
            sinTpr = 0.0;
        }
        else
        {
            cosTpr = Math.Max(-1.0, Math.Min(1.0, -Math.Cos(poni.Rot2Rad) * Math.Sin(poni.Rot1Rad) / sinTilt));
            sinTpr = Math.Sin(poni.Rot2Rad) / sinTilt;
        }

        var directDist = 1.0e3 * dist / cosTilt;
        var tilt = Math.Acos(cosTilt) * DegreesPerRadian;
        var tpr = sinTpr < 0 ? -(Math.Acos(cosTpr) * DegreesPerRadian) : Math.Acos(cosTpr) * DegreesPerRadian;
        var centerX = (poni2 + dist * tanTilt * cosTpr) / pixel2;
        var centerY = Math.Abs(tilt) < 1e-5
            ? poni1 / pixel1
            : (poni1 + dist * tanTilt * sinTpr) / pixel1;
        return new Fit2DGeometry(directDist, centerX, centerY, tilt, tpr, pixel2 * 1e6, pixel1 * 1e6);
    }
}
