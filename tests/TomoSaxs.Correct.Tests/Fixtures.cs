using TomoSaxs.TestSupport.Phantom;

namespace TomoSaxs.Correct.Tests;

/// <summary>
/// Aligned grids, noise-free: the tube on the rotation axis (no offset, no tilt), the raster on whole steps
/// (phase 0), background and buffer line scans on the same step shifted by one whole step, so every sample
/// frame's offset from its tube centre is one of the line scans' offsets. The frames are float32 expected counts
/// (<c>phantom.float_frames</c>): rounded to integers, the thinnest sample frames' A_S − … cancellation amplifies
/// the rounding beyond 1e-5 (worst 1.06e-4 at gain 3e-3). Gain 3e-3 (10⁴ × the example's) is kept.
/// </summary>
public sealed class AlignedNoiseFreePhantom() : ExamplePhantom(false,
[
    "phantom.beam.gain=3e-3", "phantom.float_frames=true", "phantom.raster.phase_steps=0", "phantom.tube.centre_um.x=0", "phantom.tube.centre_um.z=0",
    "phantom.tube.tilt.x=0", "phantom.tube.tilt.z=0", "phantom.line_scans.shift_steps=1", "phantom.line_scans.step_ratio=1",
    "phantom.line_scans.tube_offset_um=0",
]);

/// <summary>The example's shifted and differently spaced line scans (shift 0.4 steps, step 0.9×, own tube
/// position), noise-free at gain 3e-3 so that only the position mismatch remains.</summary>
public sealed class ShiftedNoiseFreePhantom() : ExamplePhantom(false, ["phantom.beam.gain=3e-3"]);

/// <summary>Aligned grids with Poisson noise at the example's gain.</summary>
public sealed class AlignedPoissonPhantom() : ExamplePhantom(true,
[
    "phantom.raster.phase_steps=0", "phantom.tube.centre_um.x=0", "phantom.tube.centre_um.z=0",
    "phantom.tube.tilt.x=0", "phantom.tube.tilt.z=0", "phantom.line_scans.shift_steps=1", "phantom.line_scans.step_ratio=1",
    "phantom.line_scans.tube_offset_um=0",
]);

/// <summary>
/// Chamber-free variant (the sample in air: <c>tube.absent_from_saxs</c>), noise-free at gain 3e-3, whose
/// background file holds a single air frame (<c>line_scans.frames: 1</c>); corrected with
/// <c>mode: background, chamber: none, background_type: single_frame</c>.
/// </summary>
public sealed class NoChamberSingleFramePhantom() : ExamplePhantom(false,
[
    "phantom.beam.gain=3e-3", "phantom.tube.absent_from_saxs=true", "phantom.line_scans.frames=1",
    "correct.mode=background", "correct.chamber=none", "correct.background_type=single_frame",
]);

/// <summary>The chamber-free variant with a whole air line scan as an averaged ("sample") background:
/// <c>mode: background, chamber: none, background_type: averaged</c>.</summary>
public sealed class NoChamberAveragedPhantom() : ExamplePhantom(false,
[
    "phantom.beam.gain=3e-3", "phantom.tube.absent_from_saxs=true",
    "correct.mode=background", "correct.chamber=none", "correct.background_type=averaged",
]);

/// <summary>
/// Kapton-cuboid variant (<c>tube.cuboid_path_um: 3750</c>: a constant buffer path inside the chamber), noise-free
/// at gain 3e-3 on aligned grids; corrected with <c>chamber: kapton_cuboid, cuboid_path_um: 3750,
/// alignment: motor</c> and background and buffer.
/// </summary>
public sealed class CuboidPhantom() : ExamplePhantom(false,
[
    "phantom.beam.gain=3e-3", "phantom.tube.cuboid_path_um=3750", "phantom.raster.phase_steps=0", "phantom.tube.centre_um.x=0",
    "phantom.tube.centre_um.z=0", "phantom.tube.tilt.x=0", "phantom.tube.tilt.z=0", "phantom.line_scans.shift_steps=1",
    "phantom.line_scans.step_ratio=1", "phantom.line_scans.tube_offset_um=0",
    "correct.chamber=kapton_cuboid", "correct.cuboid_path_um=3750", "correct.alignment=motor",
]);
