using TomoSaxs.FibreModel;

namespace TomoSaxs.Phantom;

/// <summary>
/// Lays out the collagen fibre segments of the annulus: <see cref="FibreSpec.Lamellae"/> concentric elliptical
/// rings between the nucleus and the disc outline; in each, rows of straight segments at regular heights, each
/// tangent to its ring at its centre (circumferential β, jittered) and inclined by ±tilt from the horizontal, the
/// sign alternating from lamella to lamella (so neighbouring lamellae cross in projection, as in an annulus
/// fibrosus). Segments that would touch an earlier one are dropped. Deterministic for a given seed.
/// </summary>
internal static class FibreLayout
{
    private const int ArcSamples = 2048;
    private const double ClearanceUm = 2.0;

    /// <summary>The lowest fibre id; ids step by <see cref="IdStep"/> so that ids and table positions differ.</summary>
    public const int FirstId = 11;

    /// <summary>The step between consecutive fibre ids.</summary>
    public const int IdStep = 7;

    /// <summary>The vertical half-extent of the longest, widest segment at the spec's tilt, µm.</summary>
    public static double VerticalHalfExtent(FibreSpec spec)
    {
        var (sin, cos) = Math.SinCos(spec.TiltDeg * Math.PI / 180.0);
        return spec.LengthUm.Max / 2 * sin + spec.RadiusUm.Max * cos;
    }

    /// <summary>The heights of the rows of lamella <paramref name="lamella"/>, µm (odd lamellae are staggered by half a pitch).</summary>
    public static IReadOnlyList<double> RowHeights(FibreSpec spec, double discHeight, int lamella)
    {
        var half = VerticalHalfExtent(spec);
        var heights = new List<double>();
        for (var h = half + lamella % 2 * spec.VerticalPitchUm / 2; h <= discHeight - half; h += spec.VerticalPitchUm)
        {
            heights.Add(h);
        }

        return heights;
    }

    /// <summary>Generates the segments, numbered in layout order, with their parameters drawn from the spec's bounds.</summary>
    public static IReadOnlyList<FibreSegment> Generate(SampleGeometry geometry, FibreSpec spec, int seed)
    {
        var random = new PhantomRandom(seed, "fibre-layout");
        var tilt = spec.TiltDeg * Math.PI / 180.0;
        var candidates = new List<Candidate>();
        for (var lamella = 0; lamella < spec.Lamellae; lamella++)
        {
            var fraction = (lamella + 0.5) / spec.Lamellae;
            var sign = lamella % 2 == 0 ? 1.0 : -1.0;
            foreach (var h in RowHeights(spec, geometry.DiscHeight, lamella))
            {
                LayRow(candidates, Ring(geometry, h, fraction), h, lamella, sign * tilt, spec, random);
            }
        }

        var kept = WithoutTouching(candidates);
        var fibres = new List<FibreSegment>(kept.Count);
        for (var number = 0; number < kept.Count; number++)
        {
            var c = kept[number];
            var draw = new PhantomRandom(seed, "fibre-parameters", number);
            var dPeriod = draw.Uniform(spec.DPeriodNm.Min, spec.DPeriodNm.Max);
            var parameters = new FibreParameters(
                Q0: 6 * Math.PI / dPeriod,
                Wa: draw.Uniform(spec.WaNm.Min, spec.WaNm.Max),
                WMu: draw.Uniform(spec.WMuRad.Min, spec.WMuRad.Max),
                Delta: draw.Uniform(spec.Delta.Min, spec.Delta.Max));
            var amplitude = draw.LogUniform(spec.Amplitude.Min, spec.Amplitude.Max);
            fibres.Add(new FibreSegment(number, FirstId + IdStep * number, c.Lamella, c.X, c.H, c.Z,
                c.AlphaDeg, c.BetaDeg, c.Length, c.Radius, parameters, amplitude));
        }

        return fibres;
    }

    private static Ellipse Ring(SampleGeometry geometry, double h, double fraction)
    {
        var outer = geometry.DiscOutline(h);
        var inner = geometry.Nucleus(h);
        return outer with
        {
            SemiA = inner.SemiA + fraction * (outer.SemiA - inner.SemiA),
            SemiB = inner.SemiB + fraction * (outer.SemiB - inner.SemiB),
        };
    }

    private static void LayRow(List<Candidate> into, Ellipse ring, double h, int lamella, double tilt, FibreSpec spec, PhantomRandom random)
    {
        // Cumulative arc length at ArcSamples + 1 parameters, to place segments by arc length.
        var arc = new double[ArcSamples + 1];
        var previous = ring.Point(0);
        for (var k = 1; k <= ArcSamples; k++)
        {
            var point = ring.Point(2 * Math.PI * k / ArcSamples);
            arc[k] = arc[k - 1] + Math.Sqrt((point.X - previous.X) * (point.X - previous.X) + (point.Z - previous.Z) * (point.Z - previous.Z));
            previous = point;
        }

        var perimeter = arc[ArcSamples];
        var start = random.Uniform(0, perimeter);
        var position = start;
        while (true)
        {
            var length = random.Uniform(spec.LengthUm.Min, spec.LengthUm.Max);
            var radius = random.Uniform(spec.RadiusUm.Min, spec.RadiusUm.Max);
            var jitter = spec.BetaJitterDeg * random.NextGaussian() * Math.PI / 180.0;
            if (position + length + spec.GapUm > start + perimeter)
            {
                return;
            }

            var t = ParameterAt(arc, (position + length / 2) % perimeter);
            var (x, z) = ring.Point(t);
            var (tx, tz) = ring.Tangent(t);
            var norm = Math.Sqrt(tx * tx + tz * tz);
            var (sj, cj) = Math.SinCos(jitter);
            (tx, tz) = ((tx * cj - tz * sj) / norm, (tx * sj + tz * cj) / norm);
            var (st, ct) = Math.SinCos(tilt);
            into.Add(Candidate.From(lamella, x, h, z, ct * tx, st, ct * tz, length, radius));
            position += length + spec.GapUm;
        }
    }

    private static double ParameterAt(double[] arc, double s)
    {
        var k = Array.BinarySearch(arc, s);
        if (k >= 0)
        {
            return 2 * Math.PI * k / ArcSamples;
        }

        var upper = Math.Min(~k, ArcSamples);
        var lower = upper - 1;
        var fraction = (s - arc[lower]) / (arc[upper] - arc[lower]);
        return 2 * Math.PI * (lower + fraction) / ArcSamples;
    }

    private static List<Candidate> WithoutTouching(List<Candidate> candidates)
    {
        var kept = new List<Candidate>();
        foreach (var candidate in candidates)
        {
            var touches = kept.Any(other =>
                candidate.BoundsOverlap(other, ClearanceUm) &&
                SegmentDistance.Between(candidate.P0, candidate.P1, other.P0, other.P1) < candidate.Radius + other.Radius + ClearanceUm);
            if (!touches)
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }

    private sealed record Candidate(
        int Lamella, double X, double H, double Z, double AlphaDeg, double BetaDeg, double Length, double Radius,
        (double X, double Y, double Z) P0, (double X, double Y, double Z) P1)
    {
        public static Candidate From(int lamella, double x, double h, double z, double ax, double ah, double az, double length, double radius)
        {
            // The representative axis with β in [0°, 180°): reversing the axis maps (α, β) to (180° − α, β ± 180°).
            var alpha = Math.Acos(Math.Clamp(ah, -1, 1)) * 180 / Math.PI;
            var beta = Math.Atan2(ax, az) * 180 / Math.PI;
            if (beta < 0)
            {
                beta += 180;
                alpha = 180 - alpha;
            }
            else if (beta >= 180)
            {
                beta -= 180;
                alpha = 180 - alpha;
            }

            var p0 = (x - ax * length / 2, h - ah * length / 2, z - az * length / 2);
            var p1 = (x + ax * length / 2, h + ah * length / 2, z + az * length / 2);
            return new Candidate(lamella, x, h, z, alpha, beta, length, radius, p0, p1);
        }

        public bool BoundsOverlap(Candidate other, double clearance)
        {
            var reach = Length / 2 + other.Length / 2 + Radius + other.Radius + clearance;
            return Math.Abs(X - other.X) < reach && Math.Abs(H - other.H) < reach && Math.Abs(Z - other.Z) < reach;
        }
    }
}
