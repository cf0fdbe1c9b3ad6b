namespace TomoSaxs.Correct.Matching;

/// <summary>
/// Where a frame's offset falls among a reference scan's frame offsets: the reference value is
/// (1 − w)·X[Lower] + w·X[Upper] (docs/correct.md: linear interpolation between the two nearest frames by offset;
/// the reference took the nearest). Outside the reference's range the nearest end frame is used and
/// <see cref="Covered"/> is false.
/// </summary>
/// <param name="Lower">Index of the reference frame at or below the offset.</param>
/// <param name="Upper">Index of the reference frame above it (= Lower at an exact hit or outside the range).</param>
/// <param name="UpperWeight">w, 0…1.</param>
/// <param name="Covered">Whether the offset lies within the reference's offsets.</param>
public readonly record struct OffsetMatch(int Lower, int Upper, double UpperWeight, bool Covered)
{
    /// <summary>The reference position this match stands for, from the reference's offsets (µm).</summary>
    public double OffsetUm(IReadOnlyList<double> offsets) => (1 - UpperWeight) * offsets[Lower] + UpperWeight * offsets[Upper];

    /// <summary>The match of <paramref name="offsetUm"/> among <paramref name="offsets"/> (µm, any order, distinct).</summary>
    public static OffsetMatch Find(IReadOnlyList<double> offsets, double offsetUm)
    {
        if (offsets.Count == 0)
        {
            throw new ArgumentException("No reference frames to match against.", nameof(offsets));
        }

        int? below = null, above = null;
        for (var k = 0; k < offsets.Count; k++)
        {
            var o = offsets[k];
            if (o <= offsetUm && (below is null || o > offsets[below.Value]))
            {
                below = k;
            }

            if (o >= offsetUm && (above is null || o < offsets[above.Value]))
            {
                above = k;
            }
        }

        if (below is { } l && above is { } u)
        {
            var span = offsets[u] - offsets[l];
            var w = span > 0 ? (offsetUm - offsets[l]) / span : 0;
            return w == 0 ? new OffsetMatch(l, l, 0, true) : w == 1 ? new OffsetMatch(u, u, 0, true) : new OffsetMatch(l, u, w, true);
        }

        var end = below ?? above!.Value;
        return new OffsetMatch(end, end, 0, false);
    }
}
