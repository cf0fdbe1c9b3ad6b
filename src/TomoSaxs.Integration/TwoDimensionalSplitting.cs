using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// Visits every unmasked pixel and splits its (q, χ) bounding box over a q × χ grid as pyFAI 0.21.3's
/// <c>calc_lut_2d</c> does; the caller decides which output row each (q bin, χ bin) pair feeds.
/// </summary>
internal static class TwoDimensionalSplitting
{
    /// <summary>Maps a (q bin, χ bin) pair to an output row, or −1 to drop it.</summary>
    public delegate int RowOf(int radialBin, int azimuthalBin);

    public static CsrOperator Build(
        PixelMap map, DetectorMask mask, AzimuthConvention convention,
        BinAxis radial, BinAxis azimuthal, int rows, RowOf rowOf)
    {
        var assembler = new CsrAssembler(rows, map);
        var q = map.QNm;
        var deltaQ = map.DeltaQNm;
        var chi = map.ChiRad(convention);
        var deltaChi = map.DeltaChiRad;
        var excluded = mask.Excluded;
        double lower0 = radial.Lower, width0 = radial.Width, lower1 = azimuthal.Lower, width1 = azimuthal.Width;
        var sink = new Sink(assembler, rowOf);
        for (var pixel = 0; pixel < q.Length; pixel++)
        {
            if (excluded[pixel])
            {
                continue;
            }

            if (!BoundingBoxSplitting.TryCover(q[pixel], deltaQ[pixel], lower0, width0, radial.Bins, out var cover0)
                | !BoundingBoxSplitting.TryCover(chi[pixel], deltaChi[pixel], lower1, width1, azimuthal.Bins, out var cover1))
            {
                continue;
            }

            sink.Pixel = pixel;
            BoundingBoxSplitting.Split2D(cover0, cover1, ref sink);
        }

        return assembler.Build();
    }

    private struct Sink(CsrAssembler assembler, RowOf rowOf) : ISplitSink
    {
        public int Pixel;

        public readonly void Add(int bin0, int bin1, float weight)
        {
            var row = rowOf(bin0, bin1);
            if (row >= 0)
            {
                assembler.Add(row, Pixel, weight);
            }
        }
    }
}
