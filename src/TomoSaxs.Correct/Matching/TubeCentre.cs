using TomoSaxs.Register.Horizontal;

namespace TomoSaxs.Correct.Matching;

/// <summary>
/// A scan's chamber centre along the raster: the midpoint of both Kapton walls found in its frame sums
/// (<see cref="KaptonWalls"/>, sub-frame), so that sample, background and buffer frames can be matched by their
/// offset from their own scan's centre (note §5 physical mode 5). The sums are divided by each frame's I0 first:
/// the monitor's frame-to-frame jitter would otherwise tilt the wall peaks and move their sub-frame positions.
/// </summary>
public static class TubeCentre
{
    /// <summary>The tube centre, µm, from frame sums per I0 and motor x; the expected wall separation is about the
    /// outer diameter minus a wall.</summary>
    /// <exception cref="TomoSaxs.Calibrate.Tube.TubeNotFoundException">No pair of walls stands out.</exception>
    /// <param name="frameSums">Frame totals (counts).</param>
    /// <param name="incidentFlux">I0 per frame.</param>
    /// <param name="xUm">Motor x per frame, µm.</param>
    /// <param name="expectedWallSeparationUm">Expected wall-peak separation, µm.</param>
    /// <param name="what">The scan, for messages.</param>
    public static TubeWalls Find(IReadOnlyList<double> frameSums, IReadOnlyList<double> incidentFlux, IReadOnlyList<double> xUm,
        double expectedWallSeparationUm, string what)
    {
        var normalised = frameSums.Select((sum, k) => incidentFlux[k] > 0 ? sum / incidentFlux[k] : sum).ToArray();
        return KaptonWalls.Find(normalised, xUm, new KaptonWallOptions { ExpectedSeparationUm = expectedWallSeparationUm }, what);
    }
}
