using TomoSaxs.Formats;
using TomoSaxs.Register.Vertical;

namespace TomoSaxs.Register.Stage;

/// <summary>
/// The vertical registration of the stage: the WAXS map against the CT map (<see cref="VerticalRegistration"/>),
/// in the pinned vertical sense or, for <c>vertical_sense: auto</c>, in both senses keeping the larger |NCC|.
/// </summary>
public static class VerticalStep
{
    /// <summary>Matches the maps.</summary>
    /// <param name="input">The inputs (CT map, WAXS map, parameters).</param>
    /// <exception cref="DataFileException">The WAXS map and the CT map cannot be overlapped in any allowed sense.</exception>
    public static VerticalMatch Run(RegistrationInput input)
    {
        var parameters = input.Parameters;
        var senses = parameters.PinnedVerticalSense is { } pinned ? new[] { pinned } : [1, -1];
        var calibration = input.Calibration;
        var map = input.WaxsMap;
        var problems = new List<string>();
        // The WAXS beam samples the CT at its motor position: the footprint is one CT voxel unless set, never less
        // (register.waxs_footprint_um).
        var voxel = calibration.CommonVoxelUm;
        var footprint = parameters.WaxsFootprintUm.IsAuto ? voxel : Math.Max(voxel, parameters.WaxsFootprintUm.Value);
        VerticalMatch? best = null;
        foreach (var sense in senses)
        {
            try
            {
                var match = VerticalRegistration.Match(
                    calibration.CtMap, calibration.CommonVoxelUm, map.Sums, map.YUm, map.XUm,
                    new VerticalMatchOptions { VerticalSense = sense, FootprintYUm = footprint, FootprintXUm = footprint }, parameters.VerticalOffsetUm.NumberOrNull);
                if (best is null || Math.Abs(match.Ncc) > Math.Abs(best.Ncc))
                {
                    best = match;
                }
            }
            catch (ArgumentException problem)
            {
                problems.Add($"vertical sense {sense:+0;-0}: {problem.Message}");
            }
        }

        return best ?? throw new DataFileException(input.WaxsSource, "WAXS_sum/sum",
            $"cannot be matched to the CT map ({calibration.CtMap.GetLength(0)} × {calibration.CtMap.GetLength(1)} pixels of " +
            $"{calibration.CommonVoxelUm} µm): {string.Join("; ", problems)}. The WAXS map must cover the CT's height and width.");
    }
}
