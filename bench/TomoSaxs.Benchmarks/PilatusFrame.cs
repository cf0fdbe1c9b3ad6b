using TomoSaxs.Geometry;
using TomoSaxs.Integration;

namespace TomoSaxs.Benchmarks;

/// <summary>
/// A deterministic Pilatus 2M test frame in the I22 geometry: module gaps (−1, masked), a beamstop and its arm,
/// a flat background and two collagen arcs at the 3rd-order q0 with Poisson-like noise.
/// </summary>
internal static class PilatusFrame
{
    private const int ModuleRows = 195, ModuleCols = 487, RowGap = 17, ColGap = 7;

    /// <summary>Mask (1 = excluded): the gaps between the 8 × 3 modules, a 20-px beamstop and a 5-px arm towards χ_pipeline = 180°.</summary>
    public static byte[] Mask(int rows, int cols, double centreRow, double centreCol)
    {
        var mask = new byte[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var inRowGap = r % (ModuleRows + RowGap) >= ModuleRows;
                var inColGap = c % (ModuleCols + ColGap) >= ModuleCols;
                var dr = r + 0.5 - centreRow;
                var dc = c + 0.5 - centreCol;
                var beamstop = dr * dr + dc * dc < 20 * 20;
                var arm = Math.Abs(dr) < 2.5 && dc < 0;
                mask[r * cols + c] = (byte)(inRowGap || inColGap || beamstop || arm ? 1 : 0);
            }
        }

        return mask;
    }

    /// <summary>Counts: background 40 + arcs at χ_pipeline 135° and 315° (±8°) of peak 400 at q0 = 0.282 nm⁻¹; gaps read −1.</summary>
    public static int[] Counts(PixelMap map, byte[] mask, int seed)
    {
        var random = new Random(seed);
        var q = map.QNm;
        var chi = map.ChiPipelineRad;
        var counts = new int[map.PixelCount];
        for (var i = 0; i < counts.Length; i++)
        {
            if (mask[i] != 0)
            {
                counts[i] = -1;
                continue;
            }

            var radial = Math.Exp(-0.5 * Math.Pow((q[i] - 0.282179) / 0.002, 2));
            var angular = Math.Exp(-0.5 * Math.Pow(Wrapped(chi[i] * 180 / Math.PI - 135) / 8, 2))
                          + Math.Exp(-0.5 * Math.Pow(Wrapped(chi[i] * 180 / Math.PI - 315) / 8, 2));
            var mean = 40 + 400 * radial * angular;
            counts[i] = Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Gaussian(random)));
        }

        return counts;
    }

    private static double Wrapped(double degrees) => degrees - 360 * Math.Round(degrees / 360);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
