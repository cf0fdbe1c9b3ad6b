using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Mask;

/// <summary>
/// The sample mask of the calibrated CT (registration note §9: the undocumented "thickness" stack of the
/// reference, made automatically): per slice, Otsu's threshold over the pixels inside the tube's inner
/// surface, then opening (speckle), closing (gaps), the largest region and hole filling. What is stored is the
/// sample's share of each pixel (<see cref="SampleFraction"/>: 255 = sample, 0 = buffer, tube or air, between them
/// at the outline, from the partial-volume grey), so the outline is known to a fraction of a pixel. It feeds the
/// sample thickness (chord) per beam path.
/// </summary>
public static class SampleMask
{
    /// <summary>The mask of slice <paramref name="z"/> of <paramref name="slab"/> inside <paramref name="circle"/>.</summary>
    public static (bool[,] Mask, SampleMaskSlice Report) Slice(float[,,] slab, int z, int zInVolume, TubeCircle circle, SampleMaskOptions options) =>
        Slice(slab, z, zInVolume, InsideTube(slab.GetLength(1), slab.GetLength(2), circle, options), options);

    private static (bool[,] Mask, SampleMaskSlice Report) Slice(float[,,] slab, int z, int zInVolume, bool[,] inside, SampleMaskOptions options)
    {
        var (h, w) = (slab.GetLength(1), slab.GetLength(2));
        var values = new List<float>();
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                if (inside[r, c])
                {
                    values.Add(slab[z, r, c]);
                }
            }
        }

        var mask = new bool[h, w];
        if (values.Count == 0 || values.Min() == values.Max())
        {
            return (mask, new SampleMaskSlice(zInVolume, double.NaN, 0, 0, false));
        }

        var (otsu, separability) = Otsu.Threshold(values);
        var threshold = options.PinnedThreshold ?? otsu;
        if (options.PinnedThreshold is null && separability < options.MinSeparability)
        {
            return (mask, new SampleMaskSlice(zInVolume, threshold, separability, 0, false));
        }

        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                mask[r, c] = inside[r, c] && (options.SampleBrighter ? slab[z, r, c] >= threshold : slab[z, r, c] < threshold);
            }
        }

        mask = Regions.FillHoles(Regions.Largest(BinaryMorphology.Close(BinaryMorphology.Open(mask))));
        var pixels = mask.Cast<bool>().LongCount(set => set);
        return (mask, new SampleMaskSlice(zInVolume, threshold, separability, pixels, pixels > 0));
    }

    /// <summary>The sample fraction of slice <paramref name="z"/> (<see cref="SampleFraction"/>) from its cleaned mask.</summary>
    public static byte[,] Fraction(float[,,] slab, int z, bool[,] mask, TubeCircle circle, SampleMaskOptions options) =>
        SampleFraction.Compute(slab, z, mask, InsideTube(mask.GetLength(0), mask.GetLength(1), circle, options)).Fraction;

    /// <summary>
    /// Streams the sample fraction of <paramref name="ct"/> to <paramref name="output"/> (bytes, 0…255 = share of sample), using for each
    /// slice the tube circle of the slab that holds it; returns one report per slice.
    /// </summary>
    /// <exception cref="ArgumentException">A slice has no tube circle, or the shapes differ.</exception>
    public static IReadOnlyList<SampleMaskSlice> Build(
        ISlabReader<float> ct, IReadOnlyList<TubeSlab> tube, ISlabWriter<byte> output, SampleMaskOptions options, int slabDepth = 8)
    {
        ct.Shape.RequireNonEmpty("The CT volume");
        if (output.Shape != ct.Shape)
        {
            throw new ArgumentException($"The mask must have the CT's shape {ct.Shape}, not {output.Shape}.", nameof(output));
        }

        var reports = new List<SampleMaskSlice>();
        foreach (var range in SlabRange.Cover(ct.Shape.Depth, slabDepth))
        {
            var slab = ct.ReadSlab(range.Start, range.End);
            var result = new byte[range.Depth, ct.Shape.Height, ct.Shape.Width];
            for (var z = range.Start; z < range.End; z++)
            {
                var circle = tube.FirstOrDefault(t => z >= t.ZStart && z < t.ZEnd)?.Circle
                    ?? throw new ArgumentException($"No tube circle covers CT slice {z}.", nameof(tube));
                var inside = InsideTube(ct.Shape.Height, ct.Shape.Width, circle, options);
                var (mask, report) = Slice(slab, z - range.Start, z, inside, options);
                reports.Add(report);
                var fraction = SampleFraction.Compute(slab, z - range.Start, mask, inside).Fraction;
                Buffer.BlockCopy(fraction, 0, result, (z - range.Start) * fraction.Length, fraction.Length);
            }

            output.WriteSlab(result);
        }

        return reports;
    }

    /// <summary>The pixels inside the tube's inner wall less its margin, where the sample is looked for.</summary>
    private static bool[,] InsideTube(int h, int w, TubeCircle circle, SampleMaskOptions options)
    {
        var inner = circle.RadiusPx - options.WallPx - options.MarginPx;
        if (!(inner > 0))
        {
            throw new ArgumentException($"The tube's inner radius {inner:G4} px (outer {circle.RadiusPx:G4} − wall {options.WallPx} − margin {options.MarginPx}) leaves no room for a sample.");
        }

        var inside = new bool[h, w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                var (dr, dc) = (r - circle.CentreRow, c - circle.CentreCol);
                inside[r, c] = dr * dr + dc * dc <= inner * inner;
            }
        }

        return inside;
    }
}
