namespace TomoSaxs.Calibrate.Output;

/// <summary>The dataset paths and constants of <c>calibrate/calibration.h5</c> (see <see cref="CalibrationFile"/>).</summary>
public static class CalibrationLayout
{
    /// <summary>The root <c>artefact</c> attribute.</summary>
    public const string ArtefactName = "tomosaxs.calibration";

    /// <summary>The root <c>layout_version</c> attribute; bump it when the layout changes.</summary>
    public const int LayoutVersion = 2;

    /// <summary>The file's name inside the stage folder <c>calibrate/</c>.</summary>
    public const string FileName = "calibration.h5";

    /// <summary>Fibre α, uint8 <c>[z, row, col]</c> on the fibre grid, degrees.</summary>
    public const string Theta = "/fibres/theta";

    /// <summary>Fibre β, uint8 <c>[z, row, col]</c> on the fibre grid, degrees.</summary>
    public const string Phi = "/fibres/phi";

    /// <summary>Fibre id, int32 <c>[z, row, col]</c> on the fibre grid.</summary>
    public const string FibreIndex = "/fibres/index";

    /// <summary>Sample mask, uint8 <c>[z, row, col]</c> on the combined CT grid.</summary>
    public const string SampleMask = "/mask/volume";

    /// <summary>The largest chunk the volumes are stored in, bytes; chunks are whole slices, at most 16 deep.</summary>
    public const long MaxChunkBytes = 8L << 20;

    /// <summary>The z depth of the chunks of a volume whose slices have <paramref name="sliceBytes"/> bytes.</summary>
    public static int ChunkDepth(long sliceBytes) => (int)Math.Clamp(MaxChunkBytes / Math.Max(1, sliceBytes), 1, 16);
}
