namespace TomoSaxs.Correct.Stage;

/// <summary>One log line for a slice's flagged frames; the frames themselves are listed in the output's
/// <c>/flagged_frames</c> (a slice of a real scan flags dozens of frames outside the tube or without sample, too many
/// to log one by one).</summary>
public static class FlagSummary
{
    /// <summary>"N of M frames flagged at K of A angles: ZeroThickness 30, OutsideChamber 7 (…)", or null when no frame is flagged.</summary>
    /// <param name="flagsPerAngle">Per angle, each frame's flags.</param>
    public static string? Describe(IReadOnlyList<IReadOnlyList<FrameFlags>> flagsPerAngle)
    {
        var frames = flagsPerAngle.Sum(angle => angle.Count);
        var flagged = flagsPerAngle.Sum(angle => angle.Count(flags => flags != FrameFlags.None));
        if (flagged == 0)
        {
            return null;
        }

        var angles = flagsPerAngle.Count(angle => angle.Any(flags => flags != FrameFlags.None));
        // Each flag counted on its own, so frames carrying two flags count under both.
        var byFlag = Enum.GetValues<FrameFlags>().Where(flag => flag != FrameFlags.None)
            .Select(flag => (flag, count: flagsPerAngle.Sum(angle => angle.Count(flags => (flags & flag) != 0))))
            .Where(pair => pair.count > 0)
            .Select(pair => $"{pair.flag} {pair.count}");
        return $"{flagged} of {frames} frames flagged at {angles} of {flagsPerAngle.Count} angles: {string.Join(", ", byFlag)}";
    }
}
