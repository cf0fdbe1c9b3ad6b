using TomoSaxs.Scan;
using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Phantom;

/// <summary>
/// The checks of a <c>phantom:</c> block that need the rest of scan.yaml (the tube from <c>geometry:</c>, the CT
/// voxel sizes and fibre scale from <c>raw:</c>) or the laid-out fibres. Problems carry the key path and, when the
/// key is written in the file, its line, like the loader's own.
/// </summary>
internal sealed class PhantomSpecChecks
{
    private readonly ScanDefinition definition;
    private readonly List<ScanProblem> problems = [];

    public PhantomSpecChecks(ScanDefinition definition) => this.definition = definition;

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<ScanProblem> Problems => problems;

    /// <summary>Throws a <see cref="ScanDefinitionException"/> with every problem found, if there are any.</summary>
    public void ThrowIfAny()
    {
        if (problems.Count > 0)
        {
            throw new ScanDefinitionException(definition.DefinitionFile, problems);
        }
    }

    /// <summary>Checks the block against the tube and the raster geometry, before anything is laid out.</summary>
    public void CheckBeforeLayout(PhantomSpec spec, SampleGeometry geometry)
    {
        var detector = spec.Detector;
        if (detector.HotPixels > detector.Rows * detector.Columns / 100)
        {
            Report("phantom.detector.hot_pixels", $"{detector.HotPixels} hot pixels is more than 1% of the {detector.Rows} × {detector.Columns} detector.");
        }

        var sample = spec.Sample;
        var reach = Math.Sqrt(sample.CentreUm.X * sample.CentreUm.X + sample.CentreUm.Z * sample.CentreUm.Z)
                    + Math.Max(sample.OuterSemiAxesUm.X, sample.OuterSemiAxesUm.Z) * (1 + sample.Bulge);
        if (reach >= geometry.InnerRadius)
        {
            Report("phantom.sample.outer_semi_axes_um",
                $"the disc reaches {Format(reach)} µm from the tube axis (centre offset + largest semi-axis × (1 + bulge)), " +
                $"but the tube's inner radius is {Format(geometry.InnerRadius)} µm (geometry.tube_outer_diameter_um / 2 − tube_wall_um); " +
                "the sample must fit inside the tube.");
        }

        var raster = spec.Raster;
        var lowest = raster.FirstSliceHeightUm - (raster.Slices - 1) * raster.SliceStepUm - raster.SliceStepUm / 2;
        var highest = raster.FirstSliceHeightUm + raster.SliceStepUm / 2;
        if (lowest < 0 || highest > sample.DiscHeightUm)
        {
            Report("phantom.raster.first_slice_height_um",
                $"the {raster.Slices} slices' beams span heights {Format(lowest)}…{Format(highest)} µm, but the disc spans " +
                $"0…{Format(sample.DiscHeightUm)} µm (phantom.sample.disc_height_um); every slice must lie inside the disc.");
        }

        var fibres = spec.Fibres;
        if (FibreLayout.RowHeights(fibres, sample.DiscHeightUm, 0).Count == 0)
        {
            Report("phantom.fibres.length_um",
                $"segments up to {Format(fibres.LengthUm.Max)} µm long and {Format(fibres.RadiusUm.Max)} µm thick at " +
                $"{Format(fibres.TiltDeg)}° tilt reach {Format(2 * FibreLayout.VerticalHalfExtent(fibres))} µm in height and do " +
                $"not fit in the {Format(sample.DiscHeightUm)} µm disc.");
        }

        var spacing = Math.Min(sample.OuterSemiAxesUm.X - sample.InnerSemiAxesUm.X, sample.OuterSemiAxesUm.Z - sample.InnerSemiAxesUm.Z) / fibres.Lamellae;
        if (spacing < 2 * fibres.RadiusUm.Max)
        {
            Report("phantom.fibres.lamellae",
                $"{fibres.Lamellae} lamellae leave {Format(spacing)} µm between rings, less than a fibre diameter " +
                $"({Format(2 * fibres.RadiusUm.Max)} µm); use fewer lamellae or thinner fibres.");
        }

        var pitch = fibres.VerticalPitchUm * Math.Cos(fibres.TiltDeg * Math.PI / 180);
        if (pitch < 2 * fibres.RadiusUm.Max)
        {
            Report("phantom.fibres.vertical_pitch_um",
                $"rows {Format(fibres.VerticalPitchUm)} µm apart at {Format(fibres.TiltDeg)}° tilt are {Format(pitch)} µm apart " +
                $"across the fibres, less than a fibre diameter ({Format(2 * fibres.RadiusUm.Max)} µm).");
        }
    }

    /// <summary>Checks the CT grids and the laid-out fibres.</summary>
    public void CheckLayout(PhantomSpec spec, CtLayout ct, IReadOnlyList<FibreSegment> fibres)
    {
        var low = ct.Low;
        var high = ct.High;
        var offset = spec.Ct.HighResOffsetUm;
        var size = spec.Ct.HighResSizeUm;
        if (offset.X + size.X > low.Columns * low.VoxelUm || offset.Y + size.Y > low.Rows * low.VoxelUm || offset.Z + size.Z > low.Slices * low.VoxelUm)
        {
            Report("phantom.ct.high_res_offset_um",
                $"the high-resolution box (offset {Format(offset.X)}, {Format(offset.Y)}, {Format(offset.Z)} µm + size " +
                $"{Format(size.X)}, {Format(size.Y)}, {Format(size.Z)} µm) leaves the low-resolution volume " +
                $"({Format(low.Columns * low.VoxelUm)} × {Format(low.Rows * low.VoxelUm)} × {Format(low.Slices * low.VoxelUm)} µm).");
        }

        if (ct.Fibre.Slices < 1 || ct.Fibre.Rows < 1 || ct.Fibre.Columns < 1)
        {
            Report("raw.fibres.scale", $"the fibre-tracing voxel ({Format(ct.Fibre.VoxelUm)} µm) is larger than the high-resolution field of view.");
        }

        if (fibres.Count == 0)
        {
            Report("phantom.fibres", "the layout produced no fibre segments; make the lamellae longer or the segments shorter.");
        }

        var lastId = FibreLayout.FirstId + FibreLayout.IdStep * (fibres.Count - 1);
        if (lastId > ushort.MaxValue)
        {
            Report("phantom.fibres", $"{fibres.Count} segments need fibre ids up to {lastId}, more than the 16-bit index stack holds.");
        }

        var outside = fibres.FirstOrDefault(fibre => !InsideHighRes(fibre, high));
        if (outside is not null)
        {
            Report("phantom.ct.high_res_size_um",
                $"fibre {outside.Id} (centre {Format(outside.CentreX)}, {Format(outside.CentreH)}, {Format(outside.CentreZ)} µm) " +
                "lies partly outside the high-resolution CT, so fibre tracing could not see it; enlarge or move the box.");
        }
    }

    private static bool InsideHighRes(FibreSegment fibre, VoxelGrid high)
    {
        var (ax, ah, az) = fibre.Axis;
        var ends = new[] { -1.0, 1.0 }.Select(s => (X: fibre.CentreX + s * ax * fibre.LengthUm / 2, H: fibre.CentreH + s * ah * fibre.LengthUm / 2, Z: fibre.CentreZ + s * az * fibre.LengthUm / 2));
        var r = fibre.RadiusUm;
        var top = high.TopHeight;
        var bottom = top - high.Slices * high.VoxelUm;
        return ends.All(e =>
            e.X - r >= high.CornerX && e.X + r <= high.CornerX + high.Columns * high.VoxelUm &&
            e.Z - r >= high.CornerZ && e.Z + r <= high.CornerZ + high.Rows * high.VoxelUm &&
            e.H - r >= bottom && e.H + r <= top);
    }

    private void Report(string keyPath, string message)
    {
        var node = NodeAt(keyPath);
        problems.Add(node is null
            ? new ScanProblem(definition.DefinitionFile, keyPath, message)
            : new ScanProblem(definition.DefinitionFile, keyPath, message, (int)node.Start.Line, (int)node.Start.Column));
    }

    private YamlNode? NodeAt(string keyPath)
    {
        var parts = keyPath.Split('.');
        if (parts[0] != "phantom" || definition.Phantom is not { } node)
        {
            return null;
        }

        YamlNode current = node;
        foreach (var part in parts.Skip(1))
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(part), out var child))
            {
                return current;
            }

            current = child;
        }

        return current;
    }

    private static string Format(double value) => ScalarText.Format(Math.Round(value, 3));
}
