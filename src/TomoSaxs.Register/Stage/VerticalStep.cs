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
        // The CT map is averaged over the WAXS beam's Gaussian profile (register.waxs_beam_fwhm_um, auto = the SAXS
        // beam's FWHM), or over one CT voxel for a pencil beam (0).
        var voxel = calibration.CommonVoxelUm;
        var fwhm = parameters.WaxsBeamFwhmUm.NumberOrNull ?? parameters.BeamFwhmUm.NumberOrNull ?? RasterConsistency.Step(input.Rasters[0].XUm);
        var options = new VerticalMatchOptions
        {
            FootprintYUm = voxel, FootprintXUm = voxel, BeamSigmaUm = fwhm / (2 * Math.Sqrt(2 * Math.Log(2))), RefineOnInterfaces = parameters.VerticalInterfaces,
        };
        VerticalMatch? best = null;
        foreach (var sense in senses)
        {
            try
            {
                var match = VerticalRegistration.Match(
                    calibration.CtMap, calibration.CommonVoxelUm, map.Sums, map.YUm, map.XUm,
                    options with { VerticalSense = sense }, parameters.VerticalOffsetUm.NumberOrNull);
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
