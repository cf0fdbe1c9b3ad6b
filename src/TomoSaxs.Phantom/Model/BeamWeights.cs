using MathNet.Numerics;

namespace TomoSaxs.Phantom;

/// <summary>
/// The beam weight of a fibre for one beam path (angle, slice, position): the volume of the fibre cylinder inside
/// the slice's slab (beam height = slice step, a top-hat vertically), weighted by the Gaussian beam profile
/// exp(−(x − u)²/2σ²) of the lateral lab distance from the beam centre u (σ = FWHM/2.3548), in units of
/// fibre-tracing voxels (µm³ / voxel³). This is the intended weight of the reference registration (a Gaussian-
/// weighted count of a fibre's voxels in the beam), computed analytically instead of from voxels: the cylinder's
/// cross-section is integrated with a product rule (3 Gauss–Legendre nodes in r², 8 angles) and every axial
/// line exactly (the Gaussian along a straight line clipped to the slab is a difference of error functions).
/// </summary>
internal static class BeamWeights
{
    private const int AngularNodes = 8;
    private static readonly double[] RadialNodes = [0.5 - Math.Sqrt(0.15), 0.5, 0.5 + Math.Sqrt(0.15)];
    private static readonly double[] RadialWeights = [5.0 / 18, 8.0 / 18, 5.0 / 18];

    /// <summary>The axial lines of a fibre's quadrature: start points (x, h, z), and area weights (µm²).</summary>
    public static FibreLines Lines(FibreSegment fibre)
    {
        var (ax, ah, az) = fibre.Axis;
        // Two unit vectors across the axis: e1 horizontal (unless the fibre is vertical), e2 = axis × e1.
        var (e1x, e1h, e1z) = Math.Abs(ah) < 1 - 1e-9 ? Normalise(az, 0, -ax) : (1.0, 0.0, 0.0);
        var (e2x, e2h, e2z) = (ah * e1z - az * e1h, az * e1x - ax * e1z, ax * e1h - ah * e1x);
        var (sx, sh, sz) = fibre.Start;
        var count = RadialNodes.Length * AngularNodes;
        var lines = new FibreLines(fibre, count, (ax, ah, az));
        var area = Math.PI * fibre.RadiusUm * fibre.RadiusUm;
        var k = 0;
        for (var i = 0; i < RadialNodes.Length; i++)
        {
            var rho = fibre.RadiusUm * Math.Sqrt(RadialNodes[i]);
            for (var m = 0; m < AngularNodes; m++)
            {
                var (sin, cos) = Math.SinCos(2 * Math.PI * m / AngularNodes);
                lines.X[k] = sx + rho * (cos * e1x + sin * e2x);
                lines.H[k] = sh + rho * (cos * e1h + sin * e2h);
                lines.Z[k] = sz + rho * (cos * e1z + sin * e2z);
                lines.AreaWeight[k] = area * RadialWeights[i] / AngularNodes;
                k++;
            }
        }

        return lines;
    }

    /// <summary>
    /// The weight of <paramref name="lines"/>' fibre for a beam at lateral lab position <paramref name="u"/> (µm)
    /// at angle <paramref name="frame"/>, slab [<paramref name="slabLow"/>, <paramref name="slabHigh"/>] (µm of
    /// height), Gaussian width <paramref name="sigma"/> (µm), in voxels of <paramref name="voxelUm"/>.
    /// </summary>
    public static double Weight(FibreLines lines, in RotationFrame frame, double u, double slabLow, double slabHigh, double sigma, double voxelUm)
    {
        var (ax, ah, az) = lines.Axis;
        var length = lines.Fibre.LengthUm;
        var slope = frame.LabXDirection(ax, az);
        var total = 0.0;
        for (var k = 0; k < lines.Count; k++)
        {
            // The line's stretch inside the slab: t with slabLow ≤ h0 + t·ah ≤ slabHigh and 0 ≤ t ≤ length.
            double tLow = 0, tHigh = length;
            var h0 = lines.H[k];
            if (Math.Abs(ah) > 1e-12)
            {
                var t1 = (slabLow - h0) / ah;
                var t2 = (slabHigh - h0) / ah;
                tLow = Math.Max(tLow, Math.Min(t1, t2));
                tHigh = Math.Min(tHigh, Math.Max(t1, t2));
            }
            else if (h0 < slabLow || h0 > slabHigh)
            {
                continue;
            }

            if (tHigh <= tLow)
            {
                continue;
            }

            var offset = frame.LabX(lines.X[k], lines.Z[k]) - u;
            total += lines.AreaWeight[k] * GaussianAlongLine(offset, slope, tLow, tHigh, sigma);
        }

        return total / (voxelUm * voxelUm * voxelUm);
    }

    /// <summary>∫ exp(−(a + b·t)²/2σ²) dt over [t1, t2], without cancellation in the tails.</summary>
    public static double GaussianAlongLine(double a, double b, double t1, double t2, double sigma)
    {
        var scale = sigma * Math.Sqrt(2);
        if (Math.Abs(b) * (t2 - t1) < 1e-6 * sigma)
        {
            var mid = a + b * (t1 + t2) / 2;
            return Math.Exp(-mid * mid / (2 * sigma * sigma)) * (t2 - t1);
        }

        var z1 = (a + b * t1) / scale;
        var z2 = (a + b * t2) / scale;
        if (z1 > z2)
        {
            (z1, z2) = (z2, z1);
        }

        double difference;
        if (z1 >= 0)
        {
            difference = SpecialFunctions.Erfc(z1) - SpecialFunctions.Erfc(z2);
        }
        else if (z2 <= 0)
        {
            difference = SpecialFunctions.Erfc(-z2) - SpecialFunctions.Erfc(-z1);
        }
        else
        {
            difference = SpecialFunctions.Erf(z2) - SpecialFunctions.Erf(z1);
        }

        return difference * Math.Sqrt(Math.PI) / 2 * scale / Math.Abs(b);
    }

    /// <summary>The lateral lab range [min, max] a fibre can reach at one angle (ends ± radius), µm.</summary>
    public static (double Min, double Max) LateralRange(FibreSegment fibre, in RotationFrame frame)
    {
        var (ax, _, az) = fibre.Axis;
        var centre = frame.LabX(fibre.CentreX, fibre.CentreZ);
        var reach = Math.Abs(frame.LabXDirection(ax, az)) * fibre.LengthUm / 2 + fibre.RadiusUm;
        return (centre - reach, centre + reach);
    }

    private static (double X, double H, double Z) Normalise(double x, double h, double z)
    {
        var norm = Math.Sqrt(x * x + h * h + z * z);
        return (x / norm, h / norm, z / norm);
    }
}

/// <summary>The axial quadrature lines of one fibre (see <see cref="BeamWeights.Lines"/>).</summary>
internal sealed class FibreLines
{
    public FibreLines(FibreSegment fibre, int count, (double X, double H, double Z) axis)
    {
        Fibre = fibre;
        Count = count;
        Axis = axis;
        X = new double[count];
        H = new double[count];
        Z = new double[count];
        AreaWeight = new double[count];
    }

    public FibreSegment Fibre { get; }

    public int Count { get; }

    public (double X, double H, double Z) Axis { get; }

    public double[] X { get; }

    public double[] H { get; }

    public double[] Z { get; }

    public double[] AreaWeight { get; }
}
