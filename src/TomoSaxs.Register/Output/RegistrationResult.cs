using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Register.Gridding;
using TomoSaxs.Register.Horizontal;
using TomoSaxs.Register.Vertical;

namespace TomoSaxs.Register.Output;

/// <summary>
/// Everything the Register stage hands downstream (the content of <c>register/registration.h5</c>, layout in
/// <see cref="RegistrationFile"/>): per angle, slice and beam path the fibres crossed with their beam weights,
/// voxel counts and lab-frame α/β, and the sample thickness; plus the registration itself (vertical match,
/// slabs, tube circles and walls) so every number can be traced and checked. Lengths are µm, angles degrees.
/// </summary>
public sealed record RegistrationResult
{
    /// <summary>The tomoSAXS angles θ, degrees, in file order (index = angle).</summary>
    public required IReadOnlyList<double> AnglesDeg { get; init; }

    /// <summary>s = <c>geometry.rotation_sign</c>: turning the sample by θ adds s·(θ − θ_map) to every azimuth.</summary>
    public required int RotationSign { get; init; }

    /// <summary>θ_map: the angle at which the WAXS map was taken and the CT is oriented, degrees.</summary>
    public required double MapAngleDeg { get; init; }

    /// <summary>Motor x of each beam path (raster position, frame order), µm; the same at every angle.</summary>
    public required IReadOnlyList<double> PathPositionsUm { get; init; }

    /// <summary>The beam FWHM across the raster, µm.</summary>
    public required double BeamFwhmUm { get; init; }

    /// <summary>The along-beam voxel length, µm.</summary>
    public required double AlongBeamStepUm { get; init; }

    /// <summary>The along-beam window divided into voxels, µm.</summary>
    public required double AlongBeamWindowUm { get; init; }

    /// <summary>The fibre voxel edge, µm (beam weights × voxel³ = Gaussian-weighted volume).</summary>
    public required double FibreVoxelUm { get; init; }

    /// <summary>Per SAXS slice, the CT slab its beam passes through.</summary>
    public required IReadOnlyList<SliceSlab> Slices { get; init; }

    /// <summary>The vertical registration.</summary>
    public required VerticalMatch Vertical { get; init; }

    /// <summary>The CT voxel of <see cref="CtTube"/> and of the sample mask, µm.</summary>
    public required double CtVoxelUm { get; init; }

    /// <summary>The tube circle per CT slab.</summary>
    public required IReadOnlyList<TubeSlab> CtTube { get; init; }

    /// <summary>Per [angle, slice], the Kapton walls found in that slice's frame sums (the same record in every
    /// slice of an angle when the slices were pooled or the centre pinned).</summary>
    public required TubeWalls[,] Walls { get; init; }

    /// <summary>Per [angle, slice], the tube centre's motor x used to place the fibres and the thickness, µm (the
    /// walls' centres after the <c>tube_centre_fit</c>, or the pinned value).</summary>
    public required double[,] TubeCentreUm { get; init; }

    /// <summary>Per [angle, slice], the fibre crossings sorted by path, along-beam voxel and fibreId.</summary>
    public required IReadOnlyList<FibreCrossing>[,] Crossings { get; init; }

    /// <summary>Sample thickness [angle, slice, path], µm.</summary>
    public required double[,,] ChordUm { get; init; }

    /// <summary>The straight cylinders fitted to the traced fibres whose beam weights they gave
    /// (<c>register.fibre_model: cylinder</c>), ascending by fibreId; empty with <c>fibre_model: voxels</c>. Fibres
    /// without one (too few voxels, not straight) took their weights from their traced voxels.</summary>
    public IReadOnlyList<Fibres.FibreCylinder> FibreCylinders { get; init; } = [];

    /// <summary>The crossings of one beam path.</summary>
    public IEnumerable<FibreCrossing> PathCrossings(int angle, int slice, int path) =>
        Crossings[angle, slice].Where(crossing => crossing.Path == path);

    /// <summary>Distinct fibres with at least one voxel in each path [angle, slice, path] (the reference's "density").</summary>
    public int[,,] FibresPerPath()
    {
        var counts = new int[AnglesDeg.Count, Slices.Count, PathPositionsUm.Count];
        for (var a = 0; a < AnglesDeg.Count; a++)
        {
            for (var s = 0; s < Slices.Count; s++)
            {
                foreach (var group in Crossings[a, s].Where(c => c.VoxelCount > 0).GroupBy(c => c.Path))
                {
                    counts[a, s, group.Key] = group.Select(c => c.FibreId).Distinct().Count();
                }
            }
        }

        return counts;
    }

    /// <summary>Throws unless every array agrees with the angle, slice and path counts.</summary>
    /// <exception cref="ArgumentException">Names the first inconsistency.</exception>
    public void Validate()
    {
        var (a, s, p) = (AnglesDeg.Count, Slices.Count, PathPositionsUm.Count);
        if (a == 0 || s == 0 || p == 0)
        {
            throw new ArgumentException($"A registration needs angles, slices and beam paths (got {a}, {s}, {p}).");
        }

        if (Walls.GetLength(0) != a || Walls.GetLength(1) != s || TubeCentreUm.GetLength(0) != a || TubeCentreUm.GetLength(1) != s)
        {
            throw new ArgumentException(
                $"Tube walls are [{Walls.GetLength(0)}, {Walls.GetLength(1)}] and centres [{TubeCentreUm.GetLength(0)}, {TubeCentreUm.GetLength(1)}], expected [{a}, {s}] (angles, slices).");
        }

        if (Crossings.GetLength(0) != a || Crossings.GetLength(1) != s)
        {
            throw new ArgumentException($"Crossings are [{Crossings.GetLength(0)}, {Crossings.GetLength(1)}], expected [{a}, {s}] (angles, slices).");
        }

        if (ChordUm.GetLength(0) != a || ChordUm.GetLength(1) != s || ChordUm.GetLength(2) != p)
        {
            throw new ArgumentException($"Thickness is [{ChordUm.GetLength(0)}, {ChordUm.GetLength(1)}, {ChordUm.GetLength(2)}], expected [{a}, {s}, {p}].");
        }

        foreach (var list in Crossings)
        {
            if (list is null || list.Any(c => c.Path < 0 || c.Path >= p))
            {
                throw new ArgumentException("Every [angle, slice] needs a crossing list whose paths lie within the raster.");
            }
        }
    }
}
