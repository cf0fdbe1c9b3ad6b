using TomoSaxs.Calibrate.Output;
using TomoSaxs.Register.Fibres;
using TomoSaxs.Register.Gridding;
using TomoSaxs.Register.Horizontal;
using TomoSaxs.Register.Output;
using TomoSaxs.Register.Rotation;
using TomoSaxs.Register.Thickness;
using TomoSaxs.Register.Vertical;

namespace TomoSaxs.Register.Stage;

/// <summary>
/// The Register computation (registration note §11), pure apart from reading the calibrated volumes slab by
/// slab: vertical match of the WAXS map to the CT map → one fibre slab per SAXS slice; per slice the fibre voxels
/// as points about the CT tube axis at the slab's height; per angle and slice the tube centre's motor x from the
/// Kapton walls; each point rotated by φ = s·(θ − θ_map) about the tube axis and gridded into beam paths with
/// Gaussian weights; the sample chord of every beam path. The result does not depend on the number of threads:
/// (angle, slice) pairs are independent and assembled in order.
/// </summary>
public static class Registration
{
    /// <summary>Registers the CT fibres to the SAXS beam paths.</summary>
    /// <param name="input">Calibration, volumes, WAXS map, SAXS rasters, geometry and parameters.</param>
    /// <param name="progress">Receives progress per step; may be null.</param>
    /// <param name="maxThreads">At most this many (angle, slice) pairs at once; 0 = as many as cores.</param>
    /// <exception cref="TomoSaxs.Formats.DataFileException">An input file's content cannot be registered (named with its dataset).</exception>
    /// <exception cref="ArgumentException">The inputs or parameters are inconsistent (e.g. pinned centres vs angles).</exception>
    public static RegistrationResult Compute(RegistrationInput input, IProgress<RegistrationProgress>? progress = null, int maxThreads = 0)
    {
        var (angles, rasters, parameters) = (input.AnglesDeg, input.Rasters, input.Parameters);
        if (angles.Count != rasters.Count)
        {
            throw new ArgumentException($"{angles.Count} angles but {rasters.Count} tomoSAXS rasters.");
        }

        if (parameters.TubeCentresUm is { } pinnedCentres && pinnedCentres.Count != angles.Count)
        {
            throw new ArgumentException(
                $"register.tube_centres_um gives {pinnedCentres.Count} centres, but the scan has {angles.Count} angles (one centre per angle, in file order).");
        }

        RasterConsistency.Check(rasters);
        var first = rasters[0];
        var calibration = input.Calibration;
        var settings = RegistrationSettings.Resolve(parameters, input.Geometry, RasterConsistency.Step(first.XUm), RasterConsistency.Step(first.YUm));

        progress?.Report(new RegistrationProgress("vertical", 0, 1));
        var match = VerticalStep.Run(input);
        var placement = calibration.Fibres;
        var slabs = SliceSlabs.Compute(first.YUm, match, settings.BeamHeightUm, placement.FibreVoxelUm, placement.Shape.Depth, placement.ResidualUm.Z);
        progress?.Report(new RegistrationProgress("vertical", 1, 1));

        var wallOptions = new KaptonWallOptions { PeakFraction = parameters.WallPeakFraction, ExpectedSeparationUm = settings.InnerDiameterUm };
        var (a, s, p) = (angles.Count, first.Slices, first.Positions);
        var walls = new TubeWalls[a, s];
        var centres = new double[a, s];
        var outer = input.Geometry.TubeOuterDiameterUm / 2;
        var profileModel = new KaptonProfileModel(outer, outer - input.Geometry.TubeWallUm, settings.WallProfileFwhmUm / (2 * Math.Sqrt(2 * Math.Log(2))));
        var rotation = parameters.TubeCentreFit == "rotation";
        for (var k = 0; k < a; k++)
        {
            var perAngle = rotation ? "line" : parameters.TubeCentreFit;
            var (found, used) = TubeCentreFit.Run(rasters[k], perAngle, wallOptions, parameters.TubeCentresUm?[k], angles[k], profileModel);
            for (var j = 0; j < s; j++)
            {
                (walls[k, j], centres[k, j]) = (found[j], used[j]);
            }

            progress?.Report(new RegistrationProgress("walls", k + 1, a));
        }

        if (rotation && parameters.TubeCentresUm is null)
        {
            // One straight tube axis turning with the sample; with too few angles or heights, the per-angle lines stay.
            var phi = angles.Select(angle => new AngleFrame(angle, input.Geometry.RotationSign, parameters.MapAngleDeg).PhiDeg).ToArray();
            var measured = new double[a, s];
            for (var k = 0; k < a; k++)
            {
                for (var j = 0; j < s; j++)
                {
                    measured[k, j] = walls[k, j].CentreUm;
                }
            }

            centres = RotationCentreFit.Fit(phi, first.YUm, measured) ?? centres;
        }

        var cylinders = FibreCylinders(input, parameters.FibreModel, progress, maxThreads);
        var axis = new CtTubeAxis(calibration.Tube);
        var raster = new BeamRaster(first.XUm, settings.BeamFwhmUm, settings.AlongBeamStepUm, settings.AlongBeamWindowUm);
        var gridding = new GriddingOptions { ReachSigmas = parameters.ReachSigmas, MinBeamWeight = 0, AlongBeamResolved = parameters.AlongBeamResolved };
        var crossings = new IReadOnlyList<FibreCrossing>[a, s];
        var chords = new double[a, s, p];
        var done = 0;
        for (var j = 0; j < s; j++)
        {
            var slab = slabs[j];
            var ctVoxel = calibration.CommonVoxelUm;
            var tubeUm = axis.CentreUm(0.5 * (slab.CtZStartUm + slab.CtZEndUm), ctVoxel);
            var tubePx = (Row: tubeUm.Y / ctVoxel - 0.5, Col: tubeUm.X / ctVoxel - 0.5);
            var cloud = SlabCloud.Read(input.Volumes, slab, placement, tubeUm);
            var slabCylinders = cylinders.Values.Where(c => c.DepthRangeUm.High > slab.CtZStartUm && c.DepthRangeUm.Low < slab.CtZEndUm).ToArray();
            var (mask, lowerWeight, upperWeight) = MaskAtCentre(input.Volumes, slab, ctVoxel);
            var lowerMask = SmoothChord.Blur(mask, 0);
            var upperMask = mask.GetLength(0) > 1 ? SmoothChord.Blur(mask, 1) : lowerMask;
            Parallel.For(0, a, new ParallelOptions { MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : -1 }, k =>
            {
                var frame = new AngleFrame(angles[k], input.Geometry.RotationSign, parameters.MapAngleDeg);
                var grid = BeamPathGridder.Grid(cloud, frame, centres[k, j], raster, gridding);
                var modelled = CylinderGridder.Grid(
                    slabCylinders, slab.CtZStartUm, slab.CtZEndUm, tubeUm, frame, centres[k, j], raster, placement.FibreVoxelUm, gridding);
                crossings[k, j] = KeepHeavyEnough(WithCylinderWeights(grid.Crossings, modelled, cylinders), parameters.MinBeamWeight);
                var lower = SmoothChord.Compute(lowerMask, ctVoxel, tubePx, frame, centres[k, j], first.XUm);
                var upper = SmoothChord.Compute(upperMask, ctVoxel, tubePx, frame, centres[k, j], first.XUm);
                for (var i = 0; i < p; i++)
                {
                    chords[k, j, i] = lowerWeight * lower[i] + upperWeight * upper[i];
                }
            });
            done += a;
            progress?.Report(new RegistrationProgress("gridding", done, a * s));
        }

        return new RegistrationResult
        {
            AnglesDeg = [.. angles],
            RotationSign = input.Geometry.RotationSign,
            MapAngleDeg = parameters.MapAngleDeg,
            PathPositionsUm = [.. first.XUm],
            BeamFwhmUm = settings.BeamFwhmUm,
            AlongBeamStepUm = settings.AlongBeamStepUm,
            AlongBeamWindowUm = settings.AlongBeamWindowUm,
            FibreVoxelUm = placement.FibreVoxelUm,
            Slices = slabs,
            Vertical = match,
            CtVoxelUm = calibration.CommonVoxelUm,
            CtTube = calibration.Tube,
            Walls = walls,
            TubeCentreUm = centres,
            Crossings = crossings,
            ChordUm = chords,
            FibreCylinders = [.. cylinders.Values.OrderBy(c => c.FibreId)],
        };
    }

    /// <summary>The straight cylinders of the traced fibres (<c>register.fibre_model: cylinder</c>), or none.</summary>
    private static IReadOnlyDictionary<int, FibreCylinder> FibreCylinders(
        RegistrationInput input, string fibreModel, IProgress<RegistrationProgress>? progress, int maxThreads)
    {
        if (fibreModel != "cylinder")
        {
            return new Dictionary<int, FibreCylinder>();
        }

        progress?.Report(new RegistrationProgress("fibre cylinders", 0, 1));
        var volumes = input.Volumes;
        var placement = input.Calibration.Fibres;
        var traced = TracedFibreVoxels.Read(volumes.FibreIndex, volumes.Theta, volumes.Phi);
        var residual = placement.ResidualUm;
        var cylinders = FibreCylinderFit.FitAll(traced, placement.FibreVoxelUm, (residual.Z, residual.Y, residual.X), maxThreads: maxThreads);
        progress?.Report(new RegistrationProgress("fibre cylinders", 1, 1));
        return cylinders;
    }

    /// <summary>The crossings with the weights and angles of the fitted cylinders for the fibres that have one, and the
    /// traced voxels' for the rest. Voxel counts always come from the traced voxels; a traced voxel the cylinder
    /// does not reach keeps its entry with the cylinder's weight there (0), so the counts stay complete.</summary>
    public static IReadOnlyList<FibreCrossing> WithCylinderWeights(
        IReadOnlyList<FibreCrossing> voxelCrossings, IReadOnlyList<FibreCrossing> cylinderCrossings, IReadOnlyDictionary<int, FibreCylinder> cylinders)
    {
        if (cylinders.Count == 0)
        {
            return voxelCrossings;
        }

        var counts = voxelCrossings.Where(c => cylinders.ContainsKey(c.FibreId)).ToDictionary(c => (c.Path, c.AlongBeam, c.FibreId));
        var merged = voxelCrossings.Where(c => !cylinders.ContainsKey(c.FibreId)).ToList();
        foreach (var c in cylinderCrossings)
        {
            var key = (c.Path, c.AlongBeam, c.FibreId);
            merged.Add(c with { VoxelCount = counts.Remove(key, out var traced) ? traced.VoxelCount : 0 });
        }

        merged.AddRange(counts.Values.Where(c => c.VoxelCount > 0).Select(c => c with { BeamWeight = 0 }));
        return [.. merged.OrderBy(c => c.Path).ThenBy(c => c.AlongBeam).ThenBy(c => c.FibreId)];
    }

    /// <summary>Drops every fibre whose summed beam weight in a path is below <paramref name="minimum"/> (voxels)
    /// from that path: the phantom's <c>min_beam_weight</c> rule, applied to whole paths, not to along-beam voxels.</summary>
    public static IReadOnlyList<FibreCrossing> KeepHeavyEnough(IReadOnlyList<FibreCrossing> crossings, double minimum)
    {
        var totals = new Dictionary<(int Path, int Fibre), double>();
        foreach (var c in crossings)
        {
            totals[(c.Path, c.FibreId)] = totals.GetValueOrDefault((c.Path, c.FibreId)) + c.BeamWeight;
        }

        return [.. crossings.Where(c => totals[(c.Path, c.FibreId)] >= minimum)];
    }

    /// <summary>The sample mask at the slab's centre height, where the beam's centre line runs: the two CT slices
    /// whose centres bracket it, with the weights that interpolate linearly between them.</summary>
    private static (byte[,,] Mask, double Lower, double Upper) MaskAtCentre(ICalibratedVolumes volumes, SliceSlab slab, double ctVoxel)
    {
        var depth = volumes.SampleMask.Shape.Depth;
        var position = 0.5 * (slab.CtZStartUm + slab.CtZEndUm) / ctVoxel - 0.5;
        var lower = Math.Clamp((int)Math.Floor(position), 0, depth - 1);
        var upper = Math.Min(lower + 1, depth - 1);
        var fraction = Math.Clamp(position - lower, 0, 1);
        var slab2 = volumes.SampleMask.ReadSlab(lower, upper + 1);
        return upper == lower ? (slab2, 1, 0) : (slab2, 1 - fraction, fraction);
    }
}
