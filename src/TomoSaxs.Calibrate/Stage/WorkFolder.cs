using TomoSaxs.Formats;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>
/// A hidden scratch folder beside the stage's outputs for the intermediate volumes (the high-res CT on the common
/// voxel, the mask before it goes into calibration.h5); deleted on dispose, and left-overs of killed runs are
/// removed when the next one starts.
/// </summary>
internal sealed class WorkFolder : IDisposable
{
    public WorkFolder(string besideFile)
    {
        var anchor = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(besideFile))!, "work");
        AtomicFile.DiscardAbandoned(anchor);
        Path = AtomicFile.TemporaryPathFor(anchor, "tmp");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Item(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => AtomicFile.Discard(Path);
}
