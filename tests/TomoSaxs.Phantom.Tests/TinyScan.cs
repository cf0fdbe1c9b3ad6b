using System.Globalization;

namespace TomoSaxs.Phantom.Tests;

/// <summary>
/// A deliberately small synthetic scan for tests (3 angles × 2 slices × 26 positions of 100 × 64 px frames, coarse
/// CT), written with raw paths under raw/ beside its scan.yaml. Its detector still holds the whole 3rd-order
/// band on the left half, with module gaps, beamstop and arm crossing it.
/// </summary>
internal static class TinyScan
{
    public const string Name = "tiny";

    public static string Yaml(int seed = 7, bool noise = true, double gain = 3e-7, double ctNoise = 150) => $$"""
        name: {{Name}}
        raw:
          ct: { high_res: raw/ct/high, low_res: raw/ct/low, voxel_um: { high: 20, low: 32 } }
          fibres: { theta: raw/fibres/theta, phi: raw/fibres/phi, index: raw/fibres/index, scale: 2, padding: raw/vox_padding.xlsx }
          waxs_map: raw/saxs/i22-200000.nxs
          saxs:
            angles_deg: [-45, 0, 45]
            files: [raw/saxs/i22-200001.nxs, raw/saxs/i22-200002.nxs, raw/saxs/i22-200003.nxs]
          background: raw/saxs/i22-200010.nxs
          buffer: raw/saxs/i22-200011.nxs
          mask: raw/processing/mask.nxs
          calibration: raw/processing/calibration.nxs
        geometry: { tube_outer_diameter_um: 2000, tube_wall_um: 100, rotation_sign: -1 }
        phantom:
          seed: {{seed}}
          noise: {{(noise ? "true" : "false")}}
          detector:
            rows: 100
            columns: 64
            pixel_um: 172
            distance_mm: 1850
            beam_centre_px: { x: 54.3, y: 49.6 }
            wavelength_nm: 0.08856015
            module: { rows: 46, columns: 40, gap_rows: 4, gap_columns: 3 }
            beamstop_radius_px: 3
            arm_width_px: 2
            hot_pixels: 2
          beam: { fwhm_um: 100, i0: 100000, i0_jitter: 0.02, count_time_s: 1, gain: {{F(gain)}} }
          raster: { slices: 2, slice_step_um: 100, first_slice_height_um: 350, step_um: 100, margin_um: 100, phase_steps: 0.3, axis_x_mm: 12.5, first_slice_y_mm: 4.2 }
          line_scans: { shift_steps: 0.4, step_ratio: 0.9, tube_offset_um: 150 }
          tube: { centre_um: { x: 30, z: -20 }, tilt: { x: 0.02, z: -0.01 } }
          sample:
            disc_height_um: 600
            outer_semi_axes_um: { x: 650, z: 480 }
            inner_semi_axes_um: { x: 280, z: 180 }
            bulge: 0.05
            centre_um: { x: 20, z: 10 }
            orientation_deg: 12
            vertebra_height_um: 300
          fibres:
            lamellae: 3
            tilt_deg: 30
            length_um: { min: 250, max: 400 }
            radius_um: { min: 25, max: 35 }
            vertical_pitch_um: 150
            gap_um: 50
          ct:
            margin_um: 100
            vertebra_um: 150
            centre_um: { x: -20, z: 30 }
            high_res_size_um: { x: 1700, y: 1400, z: 800 }
            high_res_offset_um: { x: 300, y: 400, z: 50 }
            noise_sd: {{F(ctNoise)}}
          waxs_map: { step_x_um: 100, step_y_um: 50, columns: 44, margin_um: 100 }
        """;

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
