using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Scan;

/// <summary>Reads and checks the <c>geometry:</c> section of scan.yaml.</summary>
internal static class GeometrySection
{
    public static ScanGeometry? Read(YamlMappingReader? geometry)
    {
        if (geometry is null)
        {
            return null;
        }

        var outer = geometry.Number("tube_outer_diameter_um", required: true, NumericRange.Positive);
        var wall = geometry.Number("tube_wall_um", required: true, NumericRange.Positive);
        var sign = ReadRotationSign(geometry);
        var binning = geometry.Integer("binning", required: false, NumericRange.AtLeast(1));
        var binningOk = binning is not null || !geometry.Has("binning");
        geometry.ReportUnknownKeys();

        var wallFits = true;
        if (outer is { } o && wall is { } w && 2 * w >= o)
        {
            geometry.Context.Report(geometry.PathOf("tube_wall_um"),
                $"{ScalarText.Format(w)} µm is out of range: expected less than half of tube_outer_diameter_um " +
                $"({ScalarText.Format(o)} µm).", geometry.Peek("tube_wall_um"));
            wallFits = false;
        }

        return outer is { } outerUm && wall is { } wallUm && sign is { } s && binningOk && wallFits
            ? new ScanGeometry(outerUm, wallUm, s, binning ?? 1)
            : null;
    }

    private static int? ReadRotationSign(YamlMappingReader geometry)
    {
        const string expected = "-1 or +1 (the sense in which the fibre azimuth β changes with sample rotation)";
        if (geometry.Raw("rotation_sign", required: true, expected) is not { } node)
        {
            return null;
        }

        if (node is YamlScalarNode scalar && !YamlMappingReader.IsQuoted(scalar) &&
            ScalarText.TryNumber(scalar.Value!, out var value) && Math.Abs(value) == 1)
        {
            return (int)value;
        }

        geometry.Context.Report(geometry.PathOf("rotation_sign"), $"expected {expected}, got {YamlMappingReader.Show(node)}.", node);
        return null;
    }
}
