namespace TomoSaxs.Register.Gridding;

/// <summary>Settings of <see cref="BeamPathGridder"/>.</summary>
public sealed record GriddingOptions
{
    /// <summary>A voxel adds beam weight to every path within this many σ (the Gaussian is below 3.4·10⁻⁴ at 4σ).</summary>
    public double ReachSigmas { get; init; } = 4;

    /// <summary>The reference's window rule (registration note §5.6): weights only within ±1.5σ of the path
    /// centre. Null (default) uses <see cref="ReachSigmas"/>.</summary>
    public double? LegacyWindowSigmas { get; init; }

    /// <summary>Entries with no voxel in the path and less beam weight than this (voxels) are dropped.</summary>
    public double MinBeamWeight { get; init; } = 1e-3;

    /// <summary>Whether entries are split by along-beam voxel (true) or summed over the whole path (false).</summary>
    public bool AlongBeamResolved { get; init; } = true;
}
