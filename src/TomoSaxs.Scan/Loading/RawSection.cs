using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Scan;

/// <summary>Reads and checks the <c>raw:</c> section of scan.yaml.</summary>
internal static class RawSection
{
    // Sample rotations beyond one full turn either way are typing errors, not measurements.
    private static readonly NumericRange AngleRange = NumericRange.Between(-360, 360);

    public static RawInputs? Read(YamlMappingReader? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var ct = ReadCt(raw.Mapping("ct", required: true));
        var fibres = ReadFibres(raw.Mapping("fibres", required: true));
        var waxsMap = raw.Path("waxs_map", required: true, PathKind.File);
        var saxs = ReadSaxs(raw.Mapping("saxs", required: true));
        var background = raw.Path("background", required: true, PathKind.File);
        var buffer = raw.Path("buffer", required: false, PathKind.File);
        var bufferOk = buffer is not null || !raw.Has("buffer");
        var mask = raw.Path("mask", required: true, PathKind.File);
        var calibration = raw.Path("calibration", required: true, PathKind.File);
        raw.ReportUnknownKeys();

        return ct is not null && fibres is not null && waxsMap is not null && saxs is not null &&
               background is not null && bufferOk && mask is not null && calibration is not null
            ? new RawInputs(ct, fibres, waxsMap, saxs, background, buffer, mask, calibration)
            : null;
    }

    private static CtInputs? ReadCt(YamlMappingReader? ct)
    {
        if (ct is null)
        {
            return null;
        }

        var highRes = ct.Path("high_res", required: true, PathKind.FileOrFolder);
        var lowRes = ct.Path("low_res", required: true, PathKind.FileOrFolder);
        var voxel = ct.Mapping("voxel_um", required: true, "a mapping { high: µm, low: µm }");
        var high = voxel?.Number("high", required: true, NumericRange.Positive);
        var low = voxel?.Number("low", required: true, NumericRange.Positive);
        voxel?.ReportUnknownKeys();
        ct.ReportUnknownKeys();

        return highRes is not null && lowRes is not null && high is { } h && low is { } l
            ? new CtInputs(highRes, lowRes, h, l)
            : null;
    }

    private static FibreTracingInputs? ReadFibres(YamlMappingReader? fibres)
    {
        if (fibres is null)
        {
            return null;
        }

        var theta = fibres.Path("theta", required: true, PathKind.FileOrFolder);
        var phi = fibres.Path("phi", required: true, PathKind.FileOrFolder);
        var index = fibres.Path("index", required: true, PathKind.FileOrFolder);
        var scale = fibres.Number("scale", required: true, NumericRange.Positive);
        var padding = fibres.Path("padding", required: true, PathKind.File);
        fibres.ReportUnknownKeys();

        return theta is not null && phi is not null && index is not null && scale is { } s && padding is not null
            ? new FibreTracingInputs(theta, phi, index, s, padding)
            : null;
    }

    private static SaxsInputs? ReadSaxs(YamlMappingReader? saxs)
    {
        if (saxs is null)
        {
            return null;
        }

        var angles = saxs.NumberList("angles_deg", required: true, AngleRange);
        var files = saxs.PathList("files", required: true, PathKind.File);
        saxs.ReportUnknownKeys();

        // Compare the counts as written, even when some items are themselves wrong, so both problems show at once.
        var countsAgree = true;
        if (saxs.Peek("angles_deg") is YamlSequenceNode angleNodes && saxs.Peek("files") is YamlSequenceNode fileNodes)
        {
            if (angleNodes.Children.Count == 0)
            {
                saxs.Context.Report(saxs.PathOf("angles_deg"), "the list is empty; expected one angle per raster.", angleNodes);
                countsAgree = false;
            }
            else if (angleNodes.Children.Count != fileNodes.Children.Count)
            {
                saxs.Context.Report(saxs.PathOf("files"),
                    $"{fileNodes.Children.Count} files for {angleNodes.Children.Count} angles in {saxs.PathOf("angles_deg")}; " +
                    "expected exactly one file per angle, in the same order.", fileNodes);
                countsAgree = false;
            }
        }

        var anglesDistinct = angles is null || ReportRepeats(saxs, "angles_deg", angles.Select(ScalarText.Format).ToList(), "angle");
        var filesDistinct = files is null || ReportRepeats(saxs, "files", files, "file");

        return angles is not null && files is not null && countsAgree && anglesDistinct && filesDistinct
            ? new SaxsInputs(angles.Zip(files, (angle, file) => new SaxsRotation(angle, file)).ToList())
            : null;
    }

    private static bool ReportRepeats(YamlMappingReader saxs, string key, IReadOnlyList<string> items, string what)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var unique = true;
        for (var i = 0; i < items.Count; i++)
        {
            if (first.TryAdd(items[i], i))
            {
                continue;
            }

            var node = saxs.Peek(key) is YamlSequenceNode list ? list.Children[i] : null;
            saxs.Context.Report($"{saxs.PathOf(key)}[{i}]",
                $"the {what} {items[i]} is listed twice ({saxs.PathOf(key)}[{first[items[i]]}] and [{i}]); " +
                $"expected one {what} per rotation.", node);
            unique = false;
        }

        return unique;
    }
}
