using TomoSaxs.Register.Horizontal;

namespace TomoSaxs.Correct.Matching;

/// <summary>
/// A scan's chamber centre along the raster: the midpoint of both Kapton walls found in its frame sums
/// (<see cref="KaptonWalls"/>, sub-frame), so that sample, background and buffer frames can be matched by their
/// offset from their own scan's centre (note §5 physical mode 5).
/// </summary>
public static class TubeCentre
{
    /// <summary>The tube centre, µm, from frame sums and motor x (µm); <paramref name="expectedWallSeparationUm"/>
    /// is the distance between the wall peaks to expect (about the outer diameter minus a wall).</summary>
    /// <exception cref="TomoSaxs.Calibrate.Tube.TubeNotFoundException">No pair of walls stands out.</exception>
    public static TubeWalls Find(IReadOnlyList<double> frameSums, IReadOnlyList<double> xUm, double expectedWallSeparationUm, string what) =>
        KaptonWalls.Find(frameSums, xUm, new KaptonWallOptions { ExpectedSeparationUm = expectedWallSeparationUm }, what);
}
