using MathNet.Numerics;
using TomoSaxs.Register.Fibres;
using TomoSaxs.Register.Rotation;

namespace TomoSaxs.Register.Gridding;

/// <summary>
/// The beam weights of fitted fibre cylinders in one slab at one angle: per beam path the Gaussian-weighted volume
/// of each cylinder's part inside the slab's height range, w = ∫ exp(−(X − X_path)²/2σ²) dV / voxel volume (fibre
/// voxels, like <see cref="BeamPathGridder"/>). The cross-section is sampled by Gauss–Legendre nodes in ρ² and equal
/// angles; along each axial line the slab's top and bottom, the fibre's end faces and the along-beam voxels cut
/// exact intervals, over which the Gaussian integrates to a difference of error functions.
/// </summary>
public static class CylinderGridder
{
    // Gauss–Legendre on [0, 1] in ρ²/r², 4 nodes; the Gaussian varies little across a fibre (σ ≫ r).
    private static readonly double[] RadialNodes = [0.0694318442029737, 0.330009478207572, 0.669990521792428, 0.930568155797026];
    private static readonly double[] RadialWeights = [0.173927422568727, 0.326072577431273, 0.326072577431273, 0.173927422568727];
    private const int AngularNodes = 16;

    /// <summary>The crossings of <paramref name="cylinders"/> within depths [<paramref name="topUm"/>,
    /// <paramref name="bottomUm"/>) at the angle of <paramref name="frame"/>.</summary>
    /// <param name="cylinders">Fibre cylinders in the calibrated frame (µm).</param>
    /// <param name="topUm">The slab's top depth in the calibrated frame, µm.</param>
    /// <param name="bottomUm">Its bottom, µm.</param>
    /// <param name="tubeAxisUm">The tube axis at the slab (Y along rows, X along columns), µm in the calibrated frame.</param>
    /// <param name="frame">The angle.</param>
    /// <param name="tubeCentreUm">x_c(θ): the tube axis's raster coordinate at this angle, motor µm.</param>
    /// <param name="raster">The beam paths.</param>
    /// <param name="voxelUm">The fibre voxel edge (the weight unit is its volume), µm.</param>
    /// <param name="options">Reach and along-beam resolution; defaults when null.</param>
    /// <returns>Entries sorted by path, along-beam voxel and fibreId, with <see cref="FibreCrossing.VoxelCount"/> 0
    /// (the traced voxels are counted by <see cref="BeamPathGridder"/>).</returns>
    public static IReadOnlyList<FibreCrossing> Grid(
        IEnumerable<FibreCylinder> cylinders, double topUm, double bottomUm, (double Y, double X) tubeAxisUm,
        AngleFrame frame, double tubeCentreUm, BeamRaster raster, double voxelUm, GriddingOptions? options = null)
    {
        options ??= new GriddingOptions();
        raster.Validate();
        var sigma = raster.SigmaUm;
        var reach = (options.LegacyWindowSigmas ?? options.ReachSigmas) * sigma;
        var positions = raster.PositionsUm;
        var voxelVolume = voxelUm * voxelUm * voxelUm;
        var entries = new SortedDictionary<(int Path, int K, int Fibre), double>();
        var angles = new Dictionary<int, (double Alpha, double Beta)>();
        foreach (var cylinder in cylinders)
        {
            var (depthLow, depthHigh) = cylinder.DepthRangeUm;
            if (depthHigh <= topUm || depthLow >= bottomUm)
            {
                continue;
            }

            var a = new Vec3(cylinder.Axis);
            var (e1, e2) = a.Perpendiculars();
            // The axis and the cross-section directions in the lab: (X along the raster, Z along the beam).
            var (aX, aZ) = frame.ToLab(a.X, a.Y);
            var nodeArea = Math.PI * cylinder.RadiusUm * cylinder.RadiusUm / AngularNodes;
            for (var j = 0; j < RadialNodes.Length; j++)
            {
                var rho = cylinder.RadiusUm * Math.Sqrt(RadialNodes[j]);
                for (var m = 0; m < AngularNodes; m++)
                {
                    var (sin, cos) = Math.SinCos(2 * Math.PI * (m + 0.5) / AngularNodes);
                    var origin = new Vec3(cylinder.CentreUm) + rho * ((cos * e1) + (sin * e2));
                    var (t0, t1) = Clip(cylinder.StartUm, cylinder.EndUm, origin.Z, a.Z, topUm, bottomUm);
                    if (!(t1 > t0))
                    {
                        continue;
                    }

                    var (x0, z0) = frame.ToLab(origin.X - tubeAxisUm.X, origin.Y - tubeAxisUm.Y);
                    x0 += tubeCentreUm;
                    var volumePerLength = nodeArea * RadialWeights[j] / voxelVolume;
                    // Which paths the line reaches is decided for the whole line, so that splitting it along the beam
                    // changes no path's total.
                    var (lineA, lineB) = (x0 + t0 * aX, x0 + t1 * aX);
                    var reached = Reached(positions, Math.Min(lineA, lineB) - reach, Math.Max(lineA, lineB) + reach);
                    foreach (var (ta, tb, k) in AlongBeamPieces(t0, t1, z0, aZ, raster, options.AlongBeamResolved))
                    {
                        AddLine(entries, cylinder.FibreId, k, x0 + ta * aX, aX, tb - ta, positions, reached, sigma, volumePerLength);
                    }
                }
            }

            angles[cylinder.FibreId] = (cylinder.AlphaDeg, frame.LabBetaDeg(cylinder.BetaDeg));
        }

        return [.. entries.Where(entry => entry.Value >= options.MinBeamWeight).Select(entry =>
        {
            var (alpha, beta) = angles[entry.Key.Fibre];
            return new FibreCrossing(entry.Key.Path, entry.Key.K, entry.Key.Fibre, 0, entry.Value, alpha, beta);
        })];
    }

    /// <summary>The part [t0, t1] of the axial line Z(t) = z + t·aZ within the fibre's [start, end] and the slab.</summary>
    private static (double T0, double T1) Clip(double start, double end, double z, double aZ, double top, double bottom)
    {
        if (Math.Abs(aZ) < 1e-12)
        {
            return z >= top && z < bottom ? (start, end) : (0, 0);
        }

        var (ta, tb) = ((top - z) / aZ, (bottom - z) / aZ);
        return (Math.Max(start, Math.Min(ta, tb)), Math.Min(end, Math.Max(ta, tb)));
    }

    /// <summary>The line's pieces in each along-beam voxel (beam coordinate Z_lab(t) = z0 + t·aZ, the window centred
    /// on the tube axis; beyond it, the end voxels, as <see cref="BeamPathGridder"/> counts them); one piece with
    /// k = −1 when the path is not resolved along the beam.</summary>
    private static IEnumerable<(double Ta, double Tb, int K)> AlongBeamPieces(double t0, double t1, double z0, double aZ, BeamRaster raster, bool resolved)
    {
        if (!resolved)
        {
            yield return (t0, t1, -1);
            yield break;
        }

        // Cut the line where it crosses a boundary between along-beam voxels; each piece lies in one voxel.
        var voxels = raster.AlongBeamVoxels;
        var cuts = new List<double> { t0 };
        if (Math.Abs(aZ) > 1e-12)
        {
            for (var boundary = 1; boundary < voxels; boundary++)
            {
                var t = (boundary * raster.AlongBeamStepUm - raster.AlongBeamWindowUm / 2 - z0) / aZ;
                if (t > t0 && t < t1)
                {
                    cuts.Add(t);
                }
            }
        }

        cuts.Add(t1);
        cuts.Sort();
        for (var c = 0; c + 1 < cuts.Count; c++)
        {
            var middle = 0.5 * (cuts[c] + cuts[c + 1]);
            var k = Math.Clamp((int)Math.Floor((z0 + middle * aZ + raster.AlongBeamWindowUm / 2) / raster.AlongBeamStepUm), 0, voxels - 1);
            yield return (cuts[c], cuts[c + 1], k);
        }
    }

    /// <summary>The paths whose position lies in [low, high].</summary>
    private static List<int> Reached(IReadOnlyList<double> positions, double low, double high)
    {
        var reached = new List<int>();
        for (var i = 0; i < positions.Count; i++)
        {
            if (positions[i] >= low && positions[i] <= high)
            {
                reached.Add(i);
            }
        }

        return reached;
    }

    /// <summary>Adds ∫₀^length exp(−(x0 + t·aX − X_i)²/2σ²) dt × volume per length to every reached path i.</summary>
    private static void AddLine(
        SortedDictionary<(int Path, int K, int Fibre), double> entries, int fibreId, int k, double x0, double aX, double length,
        IReadOnlyList<double> positions, List<int> reached, double sigma, double volumePerLength)
    {
        var (xa, xb) = (x0, x0 + aX * length);
        var (low, high) = (Math.Min(xa, xb), Math.Max(xa, xb));
        var scale = Math.Sqrt(2) * sigma;
        foreach (var i in reached)
        {
            var xi = positions[i];

            double integral;
            if (Math.Abs(high - low) < 1e-3 * sigma)
            {
                var d = 0.5 * (xa + xb) - xi;
                integral = length * Math.Exp(-d * d / (2 * sigma * sigma));
            }
            else
            {
                var (za, zb) = ((low - xi) / scale, (high - xi) / scale);
                // Differences of erfc in the tails keep their precision where erf is ±1 to the last bit.
                var difference = za >= 0 ? SpecialFunctions.Erfc(za) - SpecialFunctions.Erfc(zb)
                    : zb <= 0 ? SpecialFunctions.Erfc(-zb) - SpecialFunctions.Erfc(-za)
                    : SpecialFunctions.Erf(zb) - SpecialFunctions.Erf(za);
                integral = length / (high - low) * scale * Math.Sqrt(Math.PI) / 2 * difference;
            }

            var key = (i, k, fibreId);
            entries[key] = entries.GetValueOrDefault(key) + integral * volumePerLength;
        }
    }
}
