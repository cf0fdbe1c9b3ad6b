namespace TomoSaxs.Register.Gridding;

/// <summary>
/// The beam paths of one angle: the raster positions (each a beam path, indexed as the frames are), the beam's
/// Gaussian profile across the raster, and the along-beam voxels.
/// </summary>
/// <param name="PositionsUm">Motor x of each raster position, µm, in frame order (any direction).</param>
/// <param name="FwhmUm">The beam's full width at half maximum across the raster, µm.</param>
/// <param name="AlongBeamStepUm">The length of an along-beam voxel, µm (the reference uses the raster step).</param>
/// <param name="AlongBeamWindowUm">The along-beam extent divided into voxels, centred on the tube axis, µm
/// (e.g. the tube's outer diameter).</param>
public sealed record BeamRaster(IReadOnlyList<double> PositionsUm, double FwhmUm, double AlongBeamStepUm, double AlongBeamWindowUm)
{
    /// <summary>σ = FWHM / (2√(2 ln 2)) = FWHM / 2.3548, µm.</summary>
    public double SigmaUm => FwhmUm / (2 * Math.Sqrt(2 * Math.Log(2)));

    /// <summary>Along-beam voxels: ⌈window / step⌉.</summary>
    public int AlongBeamVoxels => (int)Math.Ceiling(AlongBeamWindowUm / AlongBeamStepUm - 1e-9);

    /// <summary>The mean raster step, µm (positive).</summary>
    public double StepUm => PositionsUm.Count > 1 ? Math.Abs(PositionsUm[^1] - PositionsUm[0]) / (PositionsUm.Count - 1) : double.NaN;

    /// <summary>
    /// The raster of <paramref name="positionsUm"/> with the reference's defaults: FWHM = one raster step,
    /// along-beam voxels one raster step long, across <paramref name="windowUm"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two positions, or the positions do not move.</exception>
    public static BeamRaster WithStepDefaults(IReadOnlyList<double> positionsUm, double windowUm, double? fwhmUm = null)
    {
        if (positionsUm.Count < 2)
        {
            throw new ArgumentException("A raster needs at least two positions to define its step.");
        }

        var step = Math.Abs(positionsUm[^1] - positionsUm[0]) / (positionsUm.Count - 1);
        if (!(step > 0))
        {
            throw new ArgumentException("The raster positions do not move.");
        }

        return new BeamRaster(positionsUm, fwhmUm ?? step, step, windowUm);
    }

    /// <summary>Throws unless every size is positive and finite.</summary>
    internal void Validate()
    {
        if (PositionsUm.Count == 0 || PositionsUm.Any(p => !double.IsFinite(p)))
        {
            throw new ArgumentException("The raster needs finite positions.");
        }

        if (!(FwhmUm > 0) || !(AlongBeamStepUm > 0) || !(AlongBeamWindowUm > 0))
        {
            throw new ArgumentException(
                $"The beam FWHM ({FwhmUm} µm), along-beam step ({AlongBeamStepUm} µm) and window ({AlongBeamWindowUm} µm) must be positive.");
        }
    }
}
