namespace TomoSaxs.Register.Stage;

/// <summary>
/// What Register needs from one angle's tomoSAXS file: the recorded total of every frame and the motor
/// positions of the raster.
/// </summary>
/// <param name="Source">The file it came from (named in errors).</param>
/// <param name="FrameSums">Total counts per frame [slice, position] (<c>SAXS_sum/sum</c>), divided by the frame's transmitted flux and multiplied by the file's mean (counts; <see cref="RegistrationInputFiles.ReadSaxs"/>).</param>
/// <param name="XUm">Motor x of each position, µm.</param>
/// <param name="YUm">Motor y of each slice, µm.</param>
public sealed record SaxsRaster(string Source, double[,] FrameSums, IReadOnlyList<double> XUm, IReadOnlyList<double> YUm)
{
    /// <summary>Raster slices (rows).</summary>
    public int Slices => FrameSums.GetLength(0);

    /// <summary>Beam positions per slice.</summary>
    public int Positions => FrameSums.GetLength(1);

    /// <summary>The frame sums of one slice, in position order.</summary>
    public double[] Row(int slice) => [.. Enumerable.Range(0, Positions).Select(i => FrameSums[slice, i])];
}
