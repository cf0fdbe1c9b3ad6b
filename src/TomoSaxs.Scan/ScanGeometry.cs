namespace TomoSaxs.Scan;

/// <summary>The sample-holder and rotation geometry (DESIGN §4 <c>geometry:</c>).</summary>
/// <param name="TubeOuterDiameterUm">Outer diameter of the Kapton tube holding the sample, µm (reference 4000).</param>
/// <param name="TubeWallUm">Kapton tube wall thickness, µm (reference 125); less than the outer radius.</param>
/// <param name="RotationSign">
/// s in β(θ) = β + s·θ: the sense in which a fibre's azimuth changes when the sample rotates by θ (DESIGN §5);
/// −1 or +1.
/// </param>
/// <param name="Binning">tomoSAXS binning factor (raster positions per voxel), ≥ 1; default 1.</param>
public sealed record ScanGeometry(double TubeOuterDiameterUm, double TubeWallUm, int RotationSign, int Binning);
