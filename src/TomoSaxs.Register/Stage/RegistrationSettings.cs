using TomoSaxs.Scan;

namespace TomoSaxs.Register.Stage;

/// <summary>
/// The Register parameters with every "auto" resolved against the raster and the tube (all lengths µm).
/// </summary>
/// <param name="BeamFwhmUm">Beam FWHM across the raster.</param>
/// <param name="BeamHeightUm">Height of the CT slab each slice sees.</param>
/// <param name="AlongBeamStepUm">Along-beam voxel length.</param>
/// <param name="AlongBeamWindowUm">Along-beam window, centred on the tube axis.</param>
/// <param name="InnerDiameterUm">The tube's inner diameter: the expected distance between the two wall peaks.</param>
/// <param name="WallProfileFwhmUm">The FWHM of the blur in the Kapton wall profile model (0 = chords along the beam's
/// centre line).</param>
public sealed record RegistrationSettings(
    double BeamFwhmUm, double BeamHeightUm, double AlongBeamStepUm, double AlongBeamWindowUm, double InnerDiameterUm, double WallProfileFwhmUm)
{
    /// <summary>Resolves <paramref name="parameters"/>: FWHM and along-beam step default to the raster step, the
    /// beam height to the slice step, the window to the tube's outer diameter, the wall profile's blur to the beam FWHM.</summary>
    /// <param name="parameters">The stage's parameters.</param>
    /// <param name="geometry">The tube's size.</param>
    /// <param name="rasterStepUm">The mean step between beam positions, µm (positive).</param>
    /// <param name="sliceStepUm">The mean step between slices, µm (positive; NaN with one slice).</param>
    /// <exception cref="ArgumentException">An automatic value cannot be resolved (one slice and no beam height).</exception>
    public static RegistrationSettings Resolve(RegisterParameters parameters, ScanGeometry geometry, double rasterStepUm, double sliceStepUm)
    {
        var height = parameters.BeamHeightUm.NumberOrNull ?? (double.IsFinite(sliceStepUm) && sliceStepUm > 0
            ? sliceStepUm
            : throw new ArgumentException("register.beam_height_um must be given when the raster has a single slice (auto = the slice step)."));
        var fwhm = parameters.BeamFwhmUm.NumberOrNull ?? rasterStepUm;
        return new RegistrationSettings(
            fwhm,
            height,
            parameters.AlongBeamStepUm.NumberOrNull ?? rasterStepUm,
            parameters.AlongBeamWindowUm.NumberOrNull ?? geometry.TubeOuterDiameterUm,
            geometry.TubeOuterDiameterUm - 2 * geometry.TubeWallUm,
            parameters.WallProfileFwhmUm.NumberOrNull ?? fwhm);
    }
}
