namespace TomoSaxs.Scan;

/// <summary>
/// The raw measured inputs of a scan (DESIGN §4 <c>raw:</c>). Every path is absolute, resolved from the scan
/// folder when written relative.
/// </summary>
/// <param name="Ct">The two CT volumes and their voxel sizes.</param>
/// <param name="Fibres">The fibre-tracing volumes, their scale and padding sheet.</param>
/// <param name="WaxsMap">The coarse WAXS map NeXus file taken at the scan midpoint.</param>
/// <param name="Saxs">The tomoSAXS raster files, one per rotation angle.</param>
/// <param name="Background">The background (empty tube/air) line scan NeXus file.</param>
/// <param name="Buffer">The buffer line scan NeXus file, or null when none was measured.</param>
/// <param name="Mask">The detector mask NeXus file (DAWN).</param>
/// <param name="Calibration">The detector calibration NeXus file (DAWN).</param>
public sealed record RawInputs(
    CtInputs Ct,
    FibreTracingInputs Fibres,
    string WaxsMap,
    SaxsInputs Saxs,
    string Background,
    string? Buffer,
    string Mask,
    string Calibration);

/// <summary>The high- and low-resolution CT volumes (DESIGN §4 <c>raw.ct</c>).</summary>
/// <param name="HighRes">High-resolution CT: a TIFF stack folder or multi-page TIFF.</param>
/// <param name="LowRes">Low-resolution CT: a TIFF stack folder or multi-page TIFF.</param>
/// <param name="HighResVoxelUm">Voxel size of the high-resolution CT, µm (reference 1.625).</param>
/// <param name="LowResVoxelUm">Voxel size of the low-resolution CT, µm (reference 2.6).</param>
public sealed record CtInputs(string HighRes, string LowRes, double HighResVoxelUm, double LowResVoxelUm);

/// <summary>The fibre-tracing volumes exported from Avizo (DESIGN §4 <c>raw.fibres</c>; registration note §2).</summary>
/// <param name="Theta">Fibre polar angle α per voxel, degrees (8-bit; 0 = no fibre): stack folder or TIFF.</param>
/// <param name="Phi">Fibre azimuth β per voxel, degrees (8-bit): stack folder or TIFF.</param>
/// <param name="Index">Fibre id per voxel (16-bit; 0 = background): stack folder or TIFF.</param>
/// <param name="Scale">
/// Fibre-tracing voxel size over the high-resolution CT voxel size (reference 5: 5 × 1.625 µm = 8.125 µm).
/// </param>
/// <param name="Padding">The <c>vox_padding.xlsx</c> giving the crop of the fibre volumes within the CT field.</param>
public sealed record FibreTracingInputs(string Theta, string Phi, string Index, double Scale, string Padding)
{
    /// <summary>The fibre-tracing voxel size in µm for a given high-resolution CT voxel size in µm.</summary>
    public double VoxelUm(CtInputs ct) => ct.HighResVoxelUm * Scale;
}

/// <summary>The tomoSAXS rasters (DESIGN §4 <c>raw.saxs</c>), one NeXus file per sample rotation.</summary>
/// <param name="Rotations">One entry per rotation, in the order written in scan.yaml.</param>
public sealed record SaxsInputs(IReadOnlyList<SaxsRotation> Rotations)
{
    /// <summary>The rotation angles in degrees, in scan.yaml order.</summary>
    public IEnumerable<double> AnglesDeg => Rotations.Select(r => r.AngleDeg);

    /// <summary>The raster files, in scan.yaml order.</summary>
    public IEnumerable<string> Files => Rotations.Select(r => r.File);
}

/// <summary>One tomoSAXS raster: the sample rotation angle and its NeXus file, paired explicitly.</summary>
/// <param name="AngleDeg">Sample rotation angle, degrees.</param>
/// <param name="File">The raster's NeXus file (absolute path).</param>
public sealed record SaxsRotation(double AngleDeg, string File);
