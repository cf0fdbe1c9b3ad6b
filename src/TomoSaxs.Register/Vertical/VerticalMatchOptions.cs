namespace TomoSaxs.Register.Vertical;

/// <summary>Settings of <see cref="VerticalRegistration.Match"/>.</summary>
public sealed record VerticalMatchOptions
{
    /// <summary>+1 when a larger motor y means a larger CT z (further down the CT stack), −1 otherwise
    /// (registration note §5.2 assumed +1 without saying so).</summary>
    public int VerticalSense { get; init; } = 1;

    /// <summary>Which correlation sign counts as a match.</summary>
    public Polarity Polarity { get; init; } = Polarity.Either;

    /// <summary>Coarse search step as a fraction of the WAXS step on each axis; the best few coarse maxima are then
    /// searched at one CT pixel within one coarse step. The correlation is smooth on the scale of a footprint, so
    /// half a step finds every basin.</summary>
    public double CoarseStepFraction { get; init; } = 0.5;

    /// <summary>A candidate offset needs at least this fraction of the largest possible number of WAXS pixels
    /// lying wholly on the CT map.</summary>
    public double MinOverlapFraction { get; init; } = 0.5;

    /// <summary>Below this |NCC| the match is flagged as unreliable.</summary>
    public double MinimumNcc { get; init; } = 0.5;

    /// <summary>The height of CT a WAXS pixel's beam is averaged over, µm; null = one WAXS slice step.</summary>
    public double? FootprintYUm { get; init; }

    /// <summary>The width of CT a WAXS pixel's beam is averaged over, µm; null = one WAXS position step.</summary>
    public double? FootprintXUm { get; init; }

    /// <summary>The standard deviation of the WAXS beam's round Gaussian profile, µm: when positive the CT map is
    /// averaged over the profile instead of the box <see cref="FootprintYUm"/> × <see cref="FootprintXUm"/>.</summary>
    public double BeamSigmaUm { get; init; }

    /// <summary>Whether the NCC's vertical offset is refined on the WAXS map's horizontal interfaces, each window with
    /// its own contrast (<see cref="InterfaceRefinement"/>), within one CT voxel.</summary>
    public bool RefineOnInterfaces { get; init; } = true;

    /// <summary>Optional search range of the vertical offset, µm (null: wherever the maps overlap enough).</summary>
    public (double Min, double Max)? VerticalRangeUm { get; init; }

    /// <summary>Optional search range of the lateral offset, µm.</summary>
    public (double Min, double Max)? LateralRangeUm { get; init; }
}
