using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// Visits every unmasked pixel and distributes it over a q × χ grid as pyFAI 0.21.3's <c>integrate2d_ng</c> does:
/// with bounding-box splitting (<c>calc_lut_2d</c>, see <see cref="BoundingBoxSplitting"/>) or without splitting
/// (<c>histogram2d_engine</c>, see <see cref="HistogramBinning.TryBinFloored"/>). The caller decides which output row
/// each (q bin, χ bin) pair feeds, so the cake and the band-mean operators share this walk.
/// </summary>
internal static class TwoDimensionalBinning
{
    /// <summary>Maps a (q bin, χ bin) pair to an output row, or −1 to drop it.</summary>
    public delegate int RowOf(int radialBin, int azimuthalBin);

    public static CsrOperator Build(
        PixelMap map, DetectorMask mask, AzimuthConvention convention, PixelSplitting splitting,
        BinAxis radial, BinAxis azimuthal, int rows, RowOf rowOf)
    {
        var assembler = new CsrAssembler(rows, map);
        var sink = new Sink(assembler, rowOf);
        if (splitting == PixelSplitting.BoundingBox)
        {
            SplitBoundingBoxes(map, mask, convention, radial, azimuthal, ref sink);
        }
        else
        {
            BinCentres(map, mask, convention, radial, azimuthal, ref sink);
        }

        return assembler.Build();
    }

    private static void SplitBoundingBoxes(
        PixelMap map, DetectorMask mask, AzimuthConvention convention, BinAxis radial, BinAxis azimuthal, ref Sink sink)
    {
        var q = map.QNm;
        var deltaQ = map.DeltaQNm;
        var chi = map.ChiRad(convention);
        var deltaChi = map.DeltaChiRad;
        var excluded = mask.Excluded;
        double lower0 = radial.Lower, width0 = radial.Width, lower1 = azimuthal.Lower, width1 = azimuthal.Width;
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
    }

    /// <summary>
    /// No splitting: the whole pixel (weight 1) goes to the bin of its centre. pyFAI histograms every pixel with the
    /// mask folded into zero weights, so skipping masked pixels here gives the same sums and counts.
    /// </summary>
    private static void BinCentres(
        PixelMap map, DetectorMask mask, AzimuthConvention convention, BinAxis radial, BinAxis azimuthal, ref Sink sink)
    {
        var q = map.QNm;
        var chi = map.ChiRad(convention);
        var excluded = mask.Excluded;
        double lower0 = radial.Lower, width0 = radial.Width, lower1 = azimuthal.Lower, width1 = azimuthal.Width;
        for (var pixel = 0; pixel < q.Length; pixel++)
        {
            if (excluded[pixel]
                || !HistogramBinning.TryBinFloored(q[pixel], lower0, width0, radial.Bins, out var bin0)
                || !HistogramBinning.TryBinFloored(chi[pixel], lower1, width1, azimuthal.Bins, out var bin1))
            {
                continue;
            }

            sink.Pixel = pixel;
            sink.Add(bin0, bin1, 1.0f);
        }
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
