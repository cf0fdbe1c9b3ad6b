using TomoSaxs.Correct.Stage;

namespace TomoSaxs.Correct.Tests;

public sealed class FlagSummaryTests
{
    [Fact]
    public void One_line_counts_the_flagged_frames_the_angles_and_each_flag()
    {
        IReadOnlyList<FrameFlags>[] angles =
        [
            [FrameFlags.OutsideChamber, FrameFlags.None, FrameFlags.ZeroThickness | FrameFlags.BackgroundNotCovered],
            [FrameFlags.None, FrameFlags.None, FrameFlags.None],
            [FrameFlags.ZeroThickness, FrameFlags.None, FrameFlags.None],
        ];

        Assert.Equal(
            "3 of 9 frames flagged at 2 of 3 angles: OutsideChamber 1, ZeroThickness 2, BackgroundNotCovered 1",
            FlagSummary.Describe(angles));
    }

    [Fact]
    public void Nothing_is_said_when_no_frame_is_flagged()
    {
        Assert.Null(FlagSummary.Describe([[FrameFlags.None, FrameFlags.None]]));
    }
}
