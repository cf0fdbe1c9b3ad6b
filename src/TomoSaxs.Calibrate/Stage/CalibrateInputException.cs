namespace TomoSaxs.Calibrate.Stage;

/// <summary>
/// The Calibrate stage's inputs do not fit together (voxel sizes against the fibre scale, the high-res field of
/// view outside the low-res one, a pinned value out of range). The message names the scan.yaml keys or files
/// involved and what was expected. Problems inside a single file are <see cref="TomoSaxs.Formats.DataFileException"/>s.
/// </summary>
public sealed class CalibrateInputException : Exception
{
    /// <summary>Creates the exception with its explanation.</summary>
    public CalibrateInputException(string message)
        : base(message)
    {
    }
}
