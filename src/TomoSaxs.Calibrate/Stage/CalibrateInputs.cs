using TomoSaxs.Calibrate.Fibres;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Tiff;
using TomoSaxs.Formats.Xlsx;
using TomoSaxs.Scan;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>
/// The Calibrate stage's raw inputs, opened (headers only) and checked against each other before any voxel is
/// read: both CT stacks and the three fibre-tracing stacks complete and of one slice size each, the fibre stacks of
/// one shape, and the traced volume padded back to the high-res field of view agreeing with the CT voxel sizes
/// and <c>raw.fibres.scale</c>.
/// </summary>
/// <param name="HighRes">The high-res CT stack (<c>raw.ct.high_res</c>).</param>
/// <param name="LowRes">The low-res CT stack (<c>raw.ct.low_res</c>).</param>
/// <param name="HighResVoxelUm">The high-res voxel edge, µm.</param>
/// <param name="LowResVoxelUm">The low-res voxel edge, µm.</param>
/// <param name="Theta">The traced α stack.</param>
/// <param name="Phi">The traced β stack.</param>
/// <param name="Index">The traced fibre-id stack.</param>
/// <param name="Frame">Where the traced volume sits in the high-res field of view.</param>
/// <param name="Files">Every input, for provenance: the padding sheet (when read) and the five stack folders.</param>
public sealed record CalibrateInputs(
    TiffStack HighRes, TiffStack LowRes, double HighResVoxelUm, double LowResVoxelUm,
    TiffStack Theta, TiffStack Phi, TiffStack Index, FibreFrame Frame, IReadOnlyList<string> Files)
{
    /// <summary>Opens and checks the inputs <paramref name="scan"/> names.</summary>
    /// <exception cref="DataFileException">A stack is missing, has gaps or slices of different sizes, or the padding
    /// sheet has no row for the scan; the message names the file and the scan.yaml key.</exception>
    /// <exception cref="CalibrateInputException">The stacks do not fit together.</exception>
    public static CalibrateInputs Open(ScanDefinition scan, CalibrateParameters parameters)
    {
        var raw = scan.Raw;
        var high = OpenStack(raw.Ct.HighRes, "raw.ct.high_res");
        var low = OpenStack(raw.Ct.LowRes, "raw.ct.low_res");
        var theta = OpenStack(raw.Fibres.Theta, "raw.fibres.theta");
        var phi = OpenStack(raw.Fibres.Phi, "raw.fibres.phi");
        var index = OpenStack(raw.Fibres.Index, "raw.fibres.index");
        var traced = ShapeOf(theta);
        foreach (var (stack, key) in new[] { (phi, "raw.fibres.phi"), (index, "raw.fibres.index") })
        {
            if (ShapeOf(stack) != traced)
            {
                throw new CalibrateInputException(
                    $"The fibre stacks differ in size: raw.fibres.theta ('{theta.Folder}') is {traced} but {key} ('{stack.Folder}') is {ShapeOf(stack)}; " +
                    "all three tracing volumes must have the same shape.");
            }
        }

        RequireHighResSmaller(high, low, raw.Ct);
        var fibreVoxel = raw.Fibres.VoxelUm(raw.Ct);
        var files = new List<string>();
        FibreFrame frame;
        if (parameters.FibreFrame == CalibrateParameters.FromOrigin)
        {
            try
            {
                frame = FibreFrame.FromOriginExtent(parameters.FibreOriginVoxels, ShapeOf(high), traced, raw.Ct.HighResVoxelUm, raw.Fibres.Scale);
            }
            catch (ArgumentException problem)
            {
                throw new CalibrateInputException($"calibrate.fibre_origin_*_voxels: {problem.Message}");
            }
        }
        else
        {
            var padding = VoxelPaddingReader.Read(raw.Fibres.Padding).Find(scan.Name);
            frame = FibreFrame.FromPadding(padding, traced, fibreVoxel);
            files.Add(raw.Fibres.Padding);
            RequirePaddedFieldOfView(frame, high, raw, scan.Name);
        }

        files.AddRange(new[] { high, low, theta, phi, index }.Select(stack => stack.Folder));

        return new CalibrateInputs(high, low, raw.Ct.HighResVoxelUm, raw.Ct.LowResVoxelUm, theta, phi, index, frame, files);
    }

    /// <summary>The high-res CT read as float, slab by slab.</summary>
    public ISlabReader<float> HighResReader => TiffStackSlabReader.AsFloat(HighRes);

    /// <summary>The low-res CT read as float, slab by slab.</summary>
    public ISlabReader<float> LowResReader => TiffStackSlabReader.AsFloat(LowRes);

    /// <summary>The shape of a stack, voxels.</summary>
    public static VolumeShape ShapeOf(TiffStack stack) => new(stack.Info.Depth, stack.Info.Height, stack.Info.Width);

    private static TiffStack OpenStack(string path, string key)
    {
        if (File.Exists(path))
        {
            throw new DataFileException(path, null, $"is a file, but {key} must name a TIFF stack folder (one file per slice)");
        }

        try
        {
            return TiffStack.Open(path);
        }
        catch (DataFileException problem)
        {
            throw new DataFileException(problem.FilePath, problem.Item, $"{problem.Cause} (the stack scan.yaml names at {key})", problem);
        }
    }

    // The high-res scan is a sub-volume of the low-res one, so its extent (voxels × voxel size) cannot be larger; a
    // larger one means a wrong voxel size in scan.yaml (or swapped stacks), caught here before any voxel is read.
    private static void RequireHighResSmaller(TiffStack high, TiffStack low, CtInputs ct)
    {
        var (h, l) = (ShapeOf(high), ShapeOf(low));
        var axes = new[] { ("z", h.Depth, l.Depth), ("y", h.Height, l.Height), ("x", h.Width, l.Width) };
        foreach (var (axis, highCount, lowCount) in axes)
        {
            if (highCount * ct.HighResVoxelUm > lowCount * ct.LowResVoxelUm + ct.LowResVoxelUm)
            {
                throw new CalibrateInputException(
                    $"The high-res field of view cannot lie inside the low-res one along {axis}: raw.ct.high_res ('{high.Folder}') spans " +
                    $"{highCount} × raw.ct.voxel_um.high = {ct.HighResVoxelUm} µm = {highCount * ct.HighResVoxelUm} µm but raw.ct.low_res ('{low.Folder}') " +
                    $"only {lowCount} × raw.ct.voxel_um.low = {ct.LowResVoxelUm} µm = {lowCount * ct.LowResVoxelUm} µm; check the voxel sizes.");
            }
        }
    }

    // The reference pads the traced volume back to the high-res field of view in fibre voxels; the padded extent
    // must then equal the CT's to within one fibre voxel per axis, or the voxel sizes or the scale are wrong.
    private static void RequirePaddedFieldOfView(FibreFrame frame, TiffStack high, RawInputs raw, string sample)
    {
        var padded = frame.PaddedShape;
        var fieldOfView = ShapeOf(high);
        var fibreVoxel = frame.FibreVoxelUm;
        var highVoxel = raw.Ct.HighResVoxelUm;
        var axes = new[] { ("z", padded.Depth, fieldOfView.Depth), ("y", padded.Height, fieldOfView.Height), ("x", padded.Width, fieldOfView.Width) };
        foreach (var (axis, paddedCount, ctCount) in axes)
        {
            if (Math.Abs(paddedCount * fibreVoxel - ctCount * highVoxel) >= fibreVoxel)
            {
                throw new CalibrateInputException(
                    $"The voxel sizes do not fit the fibre scale: raw.fibres.scale = {raw.Fibres.Scale} × raw.ct.voxel_um.high = {highVoxel} µm " +
                    $"makes the fibre voxel {fibreVoxel} µm, so the traced volume padded by '{raw.Fibres.Padding}' (row '{sample}') spans " +
                    $"{padded} fibre voxels = {paddedCount * fibreVoxel} µm along {axis}, but the high-res CT raw.ct.high_res ('{high.Folder}') " +
                    $"spans {ctCount} × {highVoxel} µm = {ctCount * highVoxel} µm; expected the two within one fibre voxel.");
            }
        }
    }
}
