using TomoSaxs.Calibrate.Output;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Scan;

namespace TomoSaxs.Register.Stage;

/// <summary>Everything <see cref="Registration.Compute"/> reads, already in memory or behind slab readers.</summary>
public sealed record RegistrationInput
{
    /// <summary>The calibration (CT map, tube circles, fibre placement), in the calibrated frame.</summary>
    public required CalibrationResult Calibration { get; init; }

    /// <summary>The calibrated fibre volumes and sample mask, read slab by slab.</summary>
    public required ICalibratedVolumes Volumes { get; init; }

    /// <summary>The coarse WAXS map at θ_map.</summary>
    public required WaxsMap WaxsMap { get; init; }

    /// <summary>The WAXS map's file (named in errors).</summary>
    public required string WaxsSource { get; init; }

    /// <summary>The tomoSAXS angle θ of each file, degrees.</summary>
    public required IReadOnlyList<double> AnglesDeg { get; init; }

    /// <summary>Each angle's frame sums and motor positions, in the order of <see cref="AnglesDeg"/>.</summary>
    public required IReadOnlyList<SaxsRaster> Rasters { get; init; }

    /// <summary>The tube (outer diameter, wall, µm) and the rotation sign s.</summary>
    public required ScanGeometry Geometry { get; init; }

    /// <summary>The stage's parameters.</summary>
    public required RegisterParameters Parameters { get; init; }
}
