using MathNet.Numerics.Statistics;

namespace TomoSaxs.Calibrate.Mask;

/// <summary>
/// The sample's share of each CT pixel of a slice, from the partial-volume grey levels at its outline. A binary
/// mask puts an outline that runs along a pixel row or column on a pixel edge, up to ½ pixel from the truth; where a
/// beam path is nearly tangent to the sample this moves its chord by several % (registration acceptance item 3).
/// A boundary pixel's grey lies between the buffer's and the sample's in proportion to the sample's share of it, so
/// f = (grey − buffer) / (sample − buffer) recovers the outline to a fraction of a pixel.
/// </summary>
public static class SampleFraction
{
    /// <summary>Pixels within this many 3 × 3 dilations or erosions of the mask's edge take f from their grey.</summary>
    public const int BandPx = 2;

    /// <summary>The reference levels are the medians of the rings this many further pixels beyond the band.</summary>
    public const int RingPx = 2;

    /// <summary>The scale of the stored fraction: 255 = wholly sample.</summary>
    public const byte Whole = 255;

    /// <summary>
    /// The sample fraction of slice <paramref name="z"/> of <paramref name="slab"/>, 0…<see cref="Whole"/>:
    /// <see cref="Whole"/> inside the cleaned mask eroded by <see cref="BandPx"/>, 0 outside it dilated by
    /// <see cref="BandPx"/> or outside <paramref name="inside"/>, and between them f clamped to [0, 1]. The sample
    /// and buffer levels are the medians of the rings just inside and just outside the band, so a fibre or a
    /// noisy pixel does not move them. Without both rings (a sample of a few pixels) the mask is returned as is.
    /// </summary>
    /// <param name="slab">CT slab [z, row, col], grey units.</param>
    /// <param name="z">The slice within <paramref name="slab"/>.</param>
    /// <param name="mask">The cleaned binary mask of the slice.</param>
    /// <param name="inside">The pixels inside the tube's inner wall less its margin (the only candidates).</param>
    public static (byte[,] Fraction, double SampleLevel, double BufferLevel) Compute(float[,,] slab, int z, bool[,] mask, bool[,] inside)
    {
        var (h, w) = (mask.GetLength(0), mask.GetLength(1));
        var core = BinaryMorphology.Erode(mask, BandPx);
        var reach = BinaryMorphology.Dilate(mask, BandPx);
        var innerRing = BinaryMorphology.Erode(mask, BandPx + RingPx);
        var outerRing = BinaryMorphology.Dilate(mask, BandPx + RingPx);
        var sampleGreys = new List<double>();
        var bufferGreys = new List<double>();
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                if (core[r, c] && !innerRing[r, c])
                {
                    sampleGreys.Add(slab[z, r, c]);
                }
                else if (inside[r, c] && outerRing[r, c] && !reach[r, c])
                {
                    bufferGreys.Add(slab[z, r, c]);
                }
            }
        }

        var fraction = new byte[h, w];
        var (sampleLevel, bufferLevel) = (sampleGreys.Count > 0 ? sampleGreys.Median() : double.NaN, bufferGreys.Count > 0 ? bufferGreys.Median() : double.NaN);
        var contrast = sampleLevel - bufferLevel;
        var graded = double.IsFinite(contrast) && contrast != 0;
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                if (!inside[r, c] || !reach[r, c])
                {
                    continue;
                }

                var share = core[r, c] ? 1.0
                    : graded ? Math.Clamp((slab[z, r, c] - bufferLevel) / contrast, 0, 1)
                    : mask[r, c] ? 1.0 : 0.0;
                fraction[r, c] = (byte)Math.Round(share * Whole);
            }
        }

        return (fraction, sampleLevel, bufferLevel);
    }
}
