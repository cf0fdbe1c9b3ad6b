using TomoSaxs.Register.Output;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>
/// The acceptance figures of a registration of the example phantom against its truth (all measured, none
/// asserted here): vertical fiducial error, tube-centre errors, fibre sets per path, weights, angles, identity and
/// thickness.
/// </summary>
public sealed record AcceptanceFigures
{
    /// <summary>|CT height of the fiducial's motor y − truth|, CT pixels.</summary>
    public required double FiducialErrorPx { get; init; }

    /// <summary>Worst |slab start − truth| over slices, fibre voxels (truth in the calibrated fibre grid).</summary>
    public required int SlabErrorVoxels { get; init; }

    /// <summary>Per angle, the worst |tube centre used − truth| over slices, µm.</summary>
    public required double[] CentreErrorUm { get; init; }

    /// <summary>Paths compared.</summary>
    public required int Paths { get; init; }

    /// <summary>Paths whose fibre-id set equals truth's exactly.</summary>
    public required int EqualSets { get; init; }

    /// <summary>Paths whose sets differ at most by fibres below one fibre voxel of weight on the side that has them.</summary>
    public required int EqualAboveOneVoxel { get; init; }

    /// <summary>The heaviest fibre (voxels) present on one side only, over all paths.</summary>
    public required double LargestUnmatchedWeight { get; init; }

    /// <summary>The largest ratio of an unmatched fibre's weight (on the side that has it) to the minimum beam weight:
    /// how far above the cut-off a fibre present on one side only lies (1 = at the cut-off).</summary>
    public required double LargestUnmatchedThresholdRatio { get; init; }

    /// <summary>Per path with differing sets, the heaviest fibre present on one side only, fibre voxels.</summary>
    public required double[] UnmatchedWeights { get; init; }

    /// <summary>Fibres present in one path on one side only with at least <see cref="GrazingFactor"/> × the minimum
    /// beam weight (one count per path and fibre).</summary>
    public required int HeavyUnmatched { get; init; }

    /// <summary>Of <see cref="HeavyUnmatched"/>, those the other side has in no path of that angle and slice at all:
    /// the fibre is in the slab on one side only (a sliver at the slab's top or bottom), not misplaced across paths.</summary>
    public required int HeavyUnmatchedAbsentFromSlab { get; init; }

    /// <summary>Paths whose sets differ at most by fibres lighter than <see cref="GrazingFactor"/> × the minimum beam
    /// weight on the side that has them (fibres grazing the cut-off, far out in the beam's tail).</summary>
    public required int EqualUpToGrazing { get; init; }

    /// <summary>The factor of the minimum beam weight below which an unmatched fibre counts as grazing.</summary>
    public required double GrazingFactor { get; init; }

    /// <summary>Crossings in the weight comparison (truth weight ≥ 0.1 × the path's largest).</summary>
    public required int WeightCrossings { get; init; }

    /// <summary>Share of those crossings with |w/w_truth − 1| ≤ 5 %.</summary>
    public required double WeightsWithin5Percent { get; init; }

    /// <summary>Share of the crossings with truth weight ≥ half the path's largest with |w/w_truth − 1| ≤ 5 %.</summary>
    public required double HeavyWeightsWithin5Percent { get; init; }

    /// <summary>Share of (angle, slice, fibre) totals (truth above one voxel) whose registered total is within 5 %.</summary>
    public required double FibreVolumesWithin5Percent { get; init; }

    /// <summary>Median |w/w_truth − 1| over crossings with at least a tenth of their path's largest truth weight.</summary>
    public required double MedianWeightError { get; init; }

    /// <summary>90th percentile of the same.</summary>
    public required double P90WeightError { get; init; }

    /// <summary>Mean of (w/w_truth − 1) over the same crossings (the bias).</summary>
    public required double MeanSignedWeightError { get; init; }

    /// <summary>Median |Σ_paths w / Σ_paths w_truth − 1| per (angle, slice, fibre) with truth total above one voxel:
    /// how well the fibre model (cylinder or traced voxels) holds each fibre's volume in the slab.</summary>
    public required double MedianFibreVolumeError { get; init; }

    /// <summary>Worst |Δα| over matched crossings, degrees (compared as axes).</summary>
    public required double WorstAlphaDeg { get; init; }

    /// <summary>Worst |Δβ| over matched crossings, degrees (compared as axes).</summary>
    public required double WorstBetaDeg { get; init; }

    /// <summary>Fibres present at some angle of a slice but missing at another.</summary>
    public required int FibresLostBetweenAngles { get; init; }

    /// <summary>Worst spread (max/min − 1) over angles of a fibre's total weight in a slice (fibres above one voxel).</summary>
    public required double WorstTotalWeightSpread { get; init; }

    /// <summary>The same spread in truth, for comparison.</summary>
    public required double WorstTruthTotalWeightSpread { get; init; }

    /// <summary>Paths (excluding the raster's two end positions) whose chord is within 2 % of truth, or one SAXS
    /// step where truth is shorter than three steps.</summary>
    public required int ThicknessWithinPlainTolerance { get; init; }

    /// <summary>The same with the tolerance widened by the chord's change over half a CT voxel of boundary shift
    /// (|Δchord/Δx| from truth's neighbouring paths × v/2).</summary>
    public required int ThicknessWithinBoundaryTolerance { get; init; }

    /// <summary>Paths compared for thickness.</summary>
    public required int ThicknessPaths { get; init; }

    /// <summary>Worst relative chord error where truth and both neighbouring paths are at least three steps long.</summary>
    public required double WorstInteriorThicknessError { get; init; }

    /// <summary>Share of paths with an equal set, as a fraction.</summary>
    public double EqualFraction => (double)EqualSets / Paths;

    /// <summary>Share of paths equal up to fibres grazing the cut-off.</summary>
    public double EqualUpToGrazingFraction => (double)EqualUpToGrazing / Paths;

    /// <summary>Share of paths equal up to sub-voxel fibres.</summary>
    public double EqualAboveOneVoxelFraction => (double)EqualAboveOneVoxel / Paths;

    /// <summary>Measures <paramref name="result"/> against <paramref name="truth"/>.</summary>
    /// <param name="result">The registration.</param>
    /// <param name="truth">The phantom's truth.</param>
    /// <param name="ctVoxelUm">The calibrated CT voxel, µm.</param>
    /// <param name="fibreZOffset">Truth's fibre-tracing z in the calibrated fibre grid, voxels.</param>
    /// <param name="minBeamWeight">The phantom's and the pipeline's minimum beam weight, fibre voxels.</param>
    /// <param name="grazingFactor">Unmatched fibres below this many times <paramref name="minBeamWeight"/> count as grazing.</param>
    public static AcceptanceFigures Measure(RegistrationResult result, PhantomTruth truth, double ctVoxelUm, int fibreZOffset, double minBeamWeight = 0.001, double grazingFactor = 10)
    {
        var (angles, slices, positions) = (result.AnglesDeg.Count, result.Slices.Count, result.PathPositionsUm.Count);
        var step = Math.Abs(result.PathPositionsUm[^1] - result.PathPositionsUm[0]) / (positions - 1);
        int paths = 0, equal = 0, equalAbove = 0, equalGrazing = 0, heavyUnmatched = 0, heavyAbsent = 0, lost = 0, plain = 0, boundary = 0, thicknessPaths = 0;
        double largestUnmatched = 0, worstAlpha = 0, worstBeta = 0, spread = 0, truthSpread = 0, worstInterior = 0;
        var weightErrors = new List<double>();
        var heavyErrors = new List<double>();
        var unmatchedWeights = new List<double>();
        var volumeErrors = new List<double>();
        for (var j = 0; j < slices; j++)
        {
            var totals = new Dictionary<int, double[]>();
            var truthTotals = new Dictionary<int, double[]>();
            for (var a = 0; a < angles; a++)
            {
                var byPath = PathComparison.ByPath(result.Crossings[a, j]);
                var mineTotal = new Dictionary<int, double>();
                var heavy = new List<(int Fibre, bool MissingFromMine)>();
                var truthTotal = new Dictionary<int, double>();
                for (var i = 0; i < positions; i++)
                {
                    var expected = truth.Path(a, j, i);
                    var mine = byPath.GetValueOrDefault(i) ?? [];
                    paths++;
                    var truthIds = expected.Select(c => c.FibreId).ToHashSet();
                    if (truthIds.SetEquals(mine.Keys))
                    {
                        equal++;
                    }

                    var missing = expected.Where(c => !mine.ContainsKey(c.FibreId)).Select(c => c.Weight);
                    var extra = mine.Values.Where(m => !truthIds.Contains(m.FibreId)).Select(m => m.Weight);
                    var unmatched = missing.Concat(extra).DefaultIfEmpty(0).Max();
                    heavy.AddRange(expected.Where(c => !mine.ContainsKey(c.FibreId) && c.Weight >= grazingFactor * minBeamWeight).Select(c => (c.FibreId, true)));
                    heavy.AddRange(mine.Values.Where(m => !truthIds.Contains(m.FibreId) && m.Weight >= grazingFactor * minBeamWeight).Select(m => (m.FibreId, false)));
                    largestUnmatched = Math.Max(largestUnmatched, unmatched);
                    if (unmatched > 0)
                    {
                        unmatchedWeights.Add(unmatched);
                    }

                    if (unmatched < 1)
                    {
                        equalAbove++;
                    }

                    if (unmatched < grazingFactor * minBeamWeight)
                    {
                        equalGrazing++;
                    }

                    var max = expected.Length > 0 ? expected.Max(c => c.Weight) : 0;
                    foreach (var c in expected)
                    {
                        truthTotal[c.FibreId] = truthTotal.GetValueOrDefault(c.FibreId) + c.Weight;
                        if (mine.TryGetValue(c.FibreId, out var m))
                        {
                            if (c.Weight >= 0.1 * max)
                            {
                                weightErrors.Add(m.Weight / c.Weight - 1);
                            }

                            if (c.Weight >= 0.5 * max)
                            {
                                heavyErrors.Add(m.Weight / c.Weight - 1);
                            }

                            var (da, db) = PathComparison.AxisError(m.AlphaDeg, m.BetaDeg, c.AlphaDeg, c.BetaDeg);
                            (worstAlpha, worstBeta) = (Math.Max(worstAlpha, da), Math.Max(worstBeta, db));
                        }
                    }

                    foreach (var m in mine.Values)
                    {
                        mineTotal[m.FibreId] = mineTotal.GetValueOrDefault(m.FibreId) + m.Weight;
                    }

                    if (i > 0 && i < positions - 1)
                    {
                        thicknessPaths++;
                        var (chord, expectedChord) = (result.ChordUm[a, j, i], truth.Sample(a, j, i));
                        var tolerance = expectedChord >= 3 * step ? 0.02 * expectedChord : step;
                        var slope = Math.Max(Math.Abs(truth.Sample(a, j, i + 1) - expectedChord), Math.Abs(expectedChord - truth.Sample(a, j, i - 1))) / step;
                        plain += Math.Abs(chord - expectedChord) <= tolerance ? 1 : 0;
                        boundary += Math.Abs(chord - expectedChord) <= tolerance + slope * ctVoxelUm / 2 ? 1 : 0;
                        if (expectedChord >= 3 * step && truth.Sample(a, j, i - 1) >= 3 * step && truth.Sample(a, j, i + 1) >= 3 * step)
                        {
                            worstInterior = Math.Max(worstInterior, Math.Abs(chord - expectedChord) / expectedChord);
                        }
                    }
                }

                heavyUnmatched += heavy.Count;
                heavyAbsent += heavy.Count(h => h.MissingFromMine ? !mineTotal.ContainsKey(h.Fibre) : !truthTotal.ContainsKey(h.Fibre));
                foreach (var (id, total) in truthTotal.Where(t => t.Value > 1))
                {
                    volumeErrors.Add(Math.Abs(mineTotal.GetValueOrDefault(id) / total - 1));
                }

                foreach (var (id, total) in mineTotal)
                {
                    (totals.TryGetValue(id, out var perAngle) ? perAngle : totals[id] = new double[angles])[a] = total;
                }

                foreach (var (id, total) in truthTotal)
                {
                    (truthTotals.TryGetValue(id, out var perAngle) ? perAngle : truthTotals[id] = new double[angles])[a] = total;
                }
            }

            lost += totals.Values.Count(perAngle => perAngle.Any(w => w == 0));
            foreach (var perAngle in totals.Values.Where(w => w.Min() > 1))
            {
                spread = Math.Max(spread, perAngle.Max() / perAngle.Min() - 1);
            }

            foreach (var perAngle in truthTotals.Values.Where(w => w.Min() > 1))
            {
                truthSpread = Math.Max(truthSpread, perAngle.Max() / perAngle.Min() - 1);
            }
        }

        var absolute = weightErrors.Select(Math.Abs).Order().ToArray();
        return new AcceptanceFigures
        {
            FiducialErrorPx = Math.Abs(result.Vertical.CtZUm(truth.FiducialMotorYUm) - truth.FiducialCtZ * truth.LowResVoxelUm) / ctVoxelUm,
            SlabErrorVoxels = Enumerable.Range(0, slices).Max(j => Math.Max(
                Math.Abs(result.Slices[j].FibreZStart - (truth.Slices[j].FibreZFirst + fibreZOffset)),
                Math.Abs(result.Slices[j].FibreZEnd - (truth.Slices[j].FibreZLast + 1 + fibreZOffset)))),
            CentreErrorUm = [.. Enumerable.Range(0, angles).Select(a => Enumerable.Range(0, slices).Max(j => Math.Abs(result.TubeCentreUm[a, j] - truth.TubeCentreMotorXUm[a][j])))],
            Paths = paths,
            EqualSets = equal,
            EqualAboveOneVoxel = equalAbove,
            LargestUnmatchedWeight = largestUnmatched,
            LargestUnmatchedThresholdRatio = largestUnmatched / minBeamWeight,
            EqualUpToGrazing = equalGrazing,
            UnmatchedWeights = [.. unmatchedWeights.Order()],
            GrazingFactor = grazingFactor,
            HeavyUnmatched = heavyUnmatched,
            HeavyUnmatchedAbsentFromSlab = heavyAbsent,
            WeightCrossings = weightErrors.Count,
            WeightsWithin5Percent = weightErrors.Count(e => Math.Abs(e) <= 0.05) / (double)Math.Max(1, weightErrors.Count),
            HeavyWeightsWithin5Percent = heavyErrors.Count(e => Math.Abs(e) <= 0.05) / (double)Math.Max(1, heavyErrors.Count),
            FibreVolumesWithin5Percent = volumeErrors.Count(e => e <= 0.05) / (double)Math.Max(1, volumeErrors.Count),
            MedianWeightError = absolute.Length > 0 ? absolute[absolute.Length / 2] : double.NaN,
            P90WeightError = absolute.Length > 0 ? absolute[(int)(absolute.Length * 0.9)] : double.NaN,
            MeanSignedWeightError = weightErrors.Count > 0 ? weightErrors.Average() : double.NaN,
            MedianFibreVolumeError = volumeErrors.Count > 0 ? volumeErrors.Order().ElementAt(volumeErrors.Count / 2) : double.NaN,
            WorstAlphaDeg = worstAlpha,
            WorstBetaDeg = worstBeta,
            FibresLostBetweenAngles = lost,
            WorstTotalWeightSpread = spread,
            WorstTruthTotalWeightSpread = truthSpread,
            ThicknessWithinPlainTolerance = plain,
            ThicknessWithinBoundaryTolerance = boundary,
            ThicknessPaths = thicknessPaths,
            WorstInteriorThicknessError = worstInterior,
        };
    }

    /// <summary>The figures as report lines.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"vertical fiducial error {FiducialErrorPx:F2} CT px; worst slab bound error {SlabErrorVoxels} fibre voxels";
        yield return $"tube centre error per angle (worst over slices, µm): {string.Join(", ", CentreErrorUm.Select(e => e.ToString("F2")))}; worst {CentreErrorUm.Max():F2}";
        yield return $"paths with equal fibre sets: {EqualSets}/{Paths} = {EqualFraction:P2}; equal up to fibres below 1 voxel: {EqualAboveOneVoxel}/{Paths} = {EqualAboveOneVoxelFraction:P2}; heaviest unmatched fibre {LargestUnmatchedWeight:F3} voxels";
        yield return $"paths equal up to fibres below {GrazingFactor} × the minimum beam weight: {EqualUpToGrazing}/{Paths} = {EqualUpToGrazingFraction:P2}; heaviest unmatched fibre = {LargestUnmatchedThresholdRatio:F1} × the minimum beam weight";
        double Quantile(double q) => UnmatchedWeights.Length > 0 ? UnmatchedWeights[(int)Math.Min(UnmatchedWeights.Length - 1, q * UnmatchedWeights.Length)] : 0;
        yield return $"heaviest unmatched fibre per differing path ({UnmatchedWeights.Length} paths), fibre voxels: median {Quantile(0.5):G3}, p90 {Quantile(0.9):G3}, p99 {Quantile(0.99):G3}, max {Quantile(1):G3}";
        yield return $"unmatched fibres ≥ {GrazingFactor} × the minimum beam weight: {HeavyUnmatched} (path, fibre) pairs, of which {HeavyUnmatchedAbsentFromSlab} have the fibre in no path of that angle and slice on the other side";
        yield return $"weights ({WeightCrossings} crossings ≥ 0.1 × path max): median |error| {MedianWeightError:P2}, p90 {P90WeightError:P2}, mean signed {MeanSignedWeightError:P2}, within 5 %: {WeightsWithin5Percent:P2} (crossings ≥ 0.5 × path max: {HeavyWeightsWithin5Percent:P2}); fibre total per slab (Σ over paths): median |error| {MedianFibreVolumeError:P2}, within 5 %: {FibreVolumesWithin5Percent:P2}";
        yield return $"worst α error {WorstAlphaDeg:F2}°, worst β error {WorstBetaDeg:F2}°";
        yield return $"fibres lost between angles {FibresLostBetweenAngles}; worst total-weight spread over angles {WorstTotalWeightSpread:P2} (truth {WorstTruthTotalWeightSpread:P2})";
        yield return $"thickness within 2 % (or one step when < 3 steps): {ThicknessWithinPlainTolerance}/{ThicknessPaths}; with ½ CT voxel of boundary: {ThicknessWithinBoundaryTolerance}/{ThicknessPaths}; worst interior error {WorstInteriorThicknessError:P2}";
    }
}
