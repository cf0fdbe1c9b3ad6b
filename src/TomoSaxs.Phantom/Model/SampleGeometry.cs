using TomoSaxs.Scan;

namespace TomoSaxs.Phantom;

/// <summary>The materials of the phantom, in the order of their CT and WAXS contrast tables.</summary>
internal enum Material : byte
{
    Air,
    Kapton,
    Buffer,
    Tissue,
    Bone,
}

/// <summary>Path lengths of one straight horizontal beam through the tube and sample, µm.</summary>
/// <param name="Kapton">Through the tube wall (both sides).</param>
/// <param name="Buffer">Through buffer inside the tube.</param>
/// <param name="Tissue">Through disc tissue (the sample thickness).</param>
/// <param name="Bone">Through a vertebra.</param>
internal readonly record struct PathLengths(double Kapton, double Buffer, double Tissue, double Bone);

/// <summary>
/// The solid geometry of the phantom in the sample frame (µm; origin on the SAXS rotation axis at the lower
/// endplate, h up): a Kapton tube whose axis drifts linearly with height, filled with buffer; an elliptical disc
/// between h = 0 and the upper endplate, bulging at mid-height, with a nucleus inside; and two vertebra blocks
/// above and below with the endplate outline. Pure functions of position.
/// </summary>
internal sealed class SampleGeometry
{
    private readonly TubePlacementSpec tube;
    private readonly SampleSpec sample;

    public SampleGeometry(ScanGeometry geometry, SampleSpec sample, TubePlacementSpec tube)
    {
        this.tube = tube;
        this.sample = sample;
        OuterRadius = geometry.TubeOuterDiameterUm / 2;
        InnerRadius = OuterRadius - geometry.TubeWallUm;
    }

    /// <summary>Outer radius of the tube, µm.</summary>
    public double OuterRadius { get; }

    /// <summary>Inner radius of the tube, µm.</summary>
    public double InnerRadius { get; }

    /// <summary>Whether the SAXS beams see no tube (the chamber-free variant, <see cref="TubePlacementSpec.AbsentFromSaxs"/>).</summary>
    public bool TubeAbsentFromSaxs => tube.AbsentFromSaxs;

    /// <summary>Whether the SAXS beams see the cuboid variant (<see cref="TubePlacementSpec.CuboidPathUm"/>).</summary>
    public bool CuboidInSaxs => tube.CuboidPathUm is not null && !tube.AbsentFromSaxs;

    /// <summary>Height of the upper endplate (the vertical fiducial), µm.</summary>
    public double DiscHeight => sample.DiscHeightUm;

    /// <summary>Bottom of the lower vertebra, µm.</summary>
    public double VertebraBottom => -sample.VertebraHeightUm;

    /// <summary>Top of the upper vertebra, µm.</summary>
    public double VertebraTop => sample.DiscHeightUm + sample.VertebraHeightUm;

    /// <summary>
    /// The heights where the cross-section jumps (µm, ascending): the vertebrae's outer faces and the two
    /// endplates. Between them it changes continuously (tube drift, bulge).
    /// </summary>
    public IReadOnlyList<double> LayerBreaks => [VertebraBottom, 0.0, DiscHeight, VertebraTop];

    /// <summary>The tube axis at height <paramref name="h"/>, µm.</summary>
    public (double X, double Z) TubeCentre(double h) => (tube.CentreXUm + tube.TiltX * h, tube.CentreZUm + tube.TiltZ * h);

    /// <summary>The disc outline at height <paramref name="h"/> (bulged).</summary>
    public Ellipse DiscOutline(double h) => Scaled(sample.OuterSemiAxesUm, h, BulgeFactor(h));

    /// <summary>The nucleus outline at height <paramref name="h"/> (bulged); it holds no fibres.</summary>
    public Ellipse Nucleus(double h) => Scaled(sample.InnerSemiAxesUm, h, BulgeFactor(h));

    /// <summary>The outline of a vertebra block at height <paramref name="h"/> (the endplate's outline).</summary>
    public Ellipse VertebraOutline(double h) => Scaled(sample.OuterSemiAxesUm, h, 1.0);

    /// <summary>The material at sample point (x, z, h).</summary>
    public Material MaterialAt(double x, double z, double h) => LayerAt(h).MaterialAt(x, z);

    /// <summary>The horizontal cross-section at height <paramref name="h"/>, prepared for many point queries.</summary>
    public Layer LayerAt(double h)
    {
        var (cx, cz) = TubeCentre(h);
        var inside = h > 0 && h < DiscHeight ? Material.Tissue
            : h >= VertebraBottom && h <= VertebraTop ? Material.Bone
            : Material.Buffer;
        var outline = inside == Material.Tissue ? DiscOutline(h) : VertebraOutline(h);
        return new Layer(cx, cz, OuterRadius * OuterRadius, InnerRadius * InnerRadius, inside, outline);
    }

    /// <summary>One horizontal cross-section: the tube circle and, inside it, the disc or vertebra outline.</summary>
    internal readonly struct Layer
    {
        private readonly double tubeX;
        private readonly double tubeZ;
        private readonly double outer2;
        private readonly double inner2;
        private readonly Material inside;
        private readonly double centreX;
        private readonly double centreZ;
        private readonly double cos;
        private readonly double sin;
        private readonly double inverseA2;
        private readonly double inverseB2;

        public Layer(double tubeX, double tubeZ, double outer2, double inner2, Material inside, Ellipse outline)
        {
            (this.tubeX, this.tubeZ, this.outer2, this.inner2, this.inside) = (tubeX, tubeZ, outer2, inner2, inside);
            (centreX, centreZ) = (outline.CentreX, outline.CentreZ);
            (sin, cos) = Math.SinCos(outline.OrientationRad);
            inverseA2 = 1 / (outline.SemiA * outline.SemiA);
            inverseB2 = 1 / (outline.SemiB * outline.SemiB);
        }

        /// <summary>The material at (x, z) of this cross-section (same rules as <see cref="Ellipse.Contains"/>).</summary>
        public Material MaterialAt(double x, double z)
        {
            var r2 = (x - tubeX) * (x - tubeX) + (z - tubeZ) * (z - tubeZ);
            if (r2 > outer2)
            {
                return Material.Air;
            }

            if (r2 >= inner2)
            {
                return Material.Kapton;
            }

            if (inside == Material.Buffer)
            {
                return Material.Buffer;
            }

            var (dx, dz) = (x - centreX, z - centreZ);
            var (u, v) = (dx * cos + dz * sin, -dx * sin + dz * cos);
            return u * u * inverseA2 + v * v * inverseB2 <= 1.0 ? inside : Material.Buffer;
        }
    }

    /// <summary>Path lengths of the beam at lateral lab position <paramref name="u"/> and height <paramref name="h"/> at one angle.</summary>
    public PathLengths Paths(in RotationFrame frame, double u, double h)
    {
        var (cx, cz) = TubeCentre(h);
        var offset = u - frame.LabX(cx, cz);
        var outer = CircleChord(OuterRadius, offset);
        var inner = CircleChord(InnerRadius, offset);
        var (px, pz) = frame.SamplePoint(u, 0);
        var (dx, dz) = frame.BeamDirection;
        double tissue = 0, bone = 0;
        if (h > 0 && h < DiscHeight)
        {
            tissue = DiscOutline(h).Chord(px, pz, dx, dz);
        }
        else if (h >= VertebraBottom && h <= VertebraTop)
        {
            bone = VertebraOutline(h).Chord(px, pz, dx, dz);
        }

        if (tube.AbsentFromSaxs)
        {
            return new PathLengths(0, 0, tissue, bone);
        }

        if (tube.CuboidPathUm is not null)
        {
            var (kapton, liquid) = CuboidPaths(offset);
            return new PathLengths(kapton, Math.Max(0, liquid - tissue - bone), tissue, bone);
        }

        return new PathLengths(outer - inner, Math.Max(0, inner - tissue - bone), tissue, bone);
    }

    /// <summary>Kapton and inner (liquid) path of the cuboid variant at a lateral offset from its centre, µm.</summary>
    public (double Kapton, double Liquid) CuboidPaths(double offset)
    {
        var path = tube.CuboidPathUm ?? 0;
        var wall = OuterRadius - InnerRadius;
        return Math.Abs(offset) < InnerRadius ? (2 * wall, path)
            : Math.Abs(offset) < OuterRadius ? (path + 2 * wall, 0)
            : (0, 0);
    }

    /// <summary>Lateral offset of the beam at <paramref name="u"/> from the tube axis at height h, µm.</summary>
    public double OffsetFromTube(in RotationFrame frame, double u, double h)
    {
        var (cx, cz) = TubeCentre(h);
        return u - frame.LabX(cx, cz);
    }

    /// <summary>The chord of a circle of radius <paramref name="radius"/> at distance <paramref name="offset"/> from its centre.</summary>
    public static double CircleChord(double radius, double offset) =>
        Math.Abs(offset) >= radius ? 0.0 : 2.0 * Math.Sqrt(radius * radius - offset * offset);

    private double BulgeFactor(double h)
    {
        var u = Math.Clamp(h / DiscHeight, 0.0, 1.0);
        return 1.0 + 4.0 * sample.Bulge * u * (1.0 - u);
    }

    private Ellipse Scaled(Pair semiAxes, double h, double factor)
    {
        var (cx, cz) = TubeCentre(h);
        return new Ellipse(cx + sample.CentreUm.X, cz + sample.CentreUm.Z, semiAxes.X * factor, semiAxes.Z * factor,
            sample.OrientationDeg * Math.PI / 180.0);
    }
}
