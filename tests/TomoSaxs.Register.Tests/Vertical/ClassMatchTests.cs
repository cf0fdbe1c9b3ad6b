using TomoSaxs.Calibrate.CtMap;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Register.Tests.Support;
using TomoSaxs.Register.Vertical;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Vertical;

/// <summary>
/// The grey-class match on a synthetic CT volume whose WAXS signal per unit path is a non-linear, non-monotone
/// function of the grey level (the Kapton wall brightest, the disc darker than the buffer, bone between), so that
/// no linear relation to the summed CT holds.
/// </summary>
public class ClassMatchTests(ITestOutputHelper output)
{
    private const double Voxel = 10;
    private const int Depth = 150, Rows = 60, Cols = 130;

    /// <summary>WAXS counts per voxel of path for the scene's grey levels (<see cref="SpineScene.At"/>).</summary>
    private static double Signal(double grey) => grey switch
    {
        >= 0.9 => 0.8, // bone
        >= 0.5 => 4, // Kapton
        >= 0.3 => 0.3, // disc
        >= 0.1 => 1, // buffer
        _ => 0.05, // air
    };

    /// <summary>The scene in 3-D: each column's beam crosses the sample over a length that varies across the
    /// raster (a round sample), air beyond.</summary>
    private static float[,,] Volume()
    {
        var ct = new float[Depth, Rows, Cols];
        for (var z = 0; z < Depth; z++)
        {
            for (var c = 0; c < Cols; c++)
            {
                var chord = Rows * Math.Sqrt(Math.Max(0, 1 - Math.Pow((c + 0.5 - Cols / 2.0) / (Cols / 2.0), 2)));
                for (var r = 0; r < Rows; r++)
                {
                    var inside = Math.Abs(r + 0.5 - Rows / 2.0) < chord / 2;
                    ct[z, r, c] = inside ? (float)SpineScene.At((z + 0.5) * Voxel, (c + 0.5) * Voxel) : 0f;
                }
            }
        }

        return ct;
    }

    [Theory]
    [InlineData(812.7, -143.2)]
    [InlineData(-2431.4, 57.9)]
    public void Class_fit_recovers_a_known_offset_where_the_waxs_is_a_non_monotone_function_of_grey(double oy, double ox)
    {
        var ct = new ArraySlabReader<float>(Volume());
        double[] bounds = [0.1, 0.3, 0.5, 0.9];
        var classes = GreyClassMaps.Compute(ct, bounds);
        var ctMap = SummedCtMap.Compute(ct);

        // The WAXS per beam: Σ over the path of Signal(grey), averaged over a one-voxel footprint (exactly as the
        // model predicts it, sub-sampled), Gaussian noise of 0.3 % of the range.
        var signalMap = new double[Depth, Cols];
        for (var z = 0; z < Depth; z++)
        {
            for (var c = 0; c < Cols; c++)
            {
                for (var r = 0; r < Rows; r++)
                {
                    signalMap[z, c] += Signal(ct.ReadSlab(z, z + 1)[0, r, c]);
                }
            }
        }

        double At(double z, double x) => signalMap[Math.Clamp((int)Math.Floor(z / Voxel), 0, Depth - 1), Math.Clamp((int)Math.Floor(x / Voxel), 0, Cols - 1)];
        var gaussian = Noise.Gaussian(5);
        var y = Enumerable.Range(0, 25).Select(j => oy + 100 + 50.0 * j).ToArray();
        var x = Enumerable.Range(0, 11).Select(p => ox + 60 + 110.0 * p).ToArray();
        var waxs = new double[y.Length, x.Length];
        for (var j = 0; j < y.Length; j++)
        {
            for (var p = 0; p < x.Length; p++)
            {
                var (zc, xc) = (y[j] - oy, x[p] - ox);
                waxs[j, p] = SpineScene.Average(At, zc - Voxel / 2, zc + Voxel / 2, xc - Voxel / 2, xc + Voxel / 2, 40) + 0.2 * gaussian();
            }
        }

        var options = new VerticalMatchOptions { ClassMaps = classes, FootprintYUm = Voxel, FootprintXUm = Voxel };
        var match = VerticalRegistration.Match(ctMap, Voxel, waxs, y, x, options);
        var ncc = VerticalRegistration.Match(ctMap, Voxel, waxs, y, x, options with { ClassMaps = null });
        output.WriteLine($"classes: offset {match.OffsetUm:F2} µm (truth {oy}), R {match.Ncc:F4}, peak/second {match.PeakToSecond:F2}; " +
            $"ncc: offset {ncc.OffsetUm:F2} µm, NCC {ncc.Ncc:F3}");
        // 0.2 pixel: the offset is the parabola vertex through one-pixel samples of a piecewise-quadratic score
        // (about 0.1 pixel here, as for the NCC on the same maps). The lateral offset is a by-product the sparse
        // raster (110 µm steps, missing the walls) pins only to about a pixel.
        Assert.True(Math.Abs(match.OffsetUm - oy) <= 0.2 * Voxel, $"offset error {match.OffsetUm - oy:F2} µm");
        Assert.True(Math.Abs(match.LateralOffsetUm - ox) <= 1.5 * Voxel, $"lateral error {match.LateralOffsetUm - ox:F2} µm");
        Assert.True(match.Ncc > 0.99, $"R {match.Ncc}");
        Assert.True(match.IsReliable);
        Assert.True(Math.Abs(match.Ncc) > Math.Abs(ncc.Ncc), "the class fit explains more of the WAXS map than one summed map");
    }
}
