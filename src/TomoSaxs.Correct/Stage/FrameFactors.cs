using TomoSaxs.Correct.Matching;

namespace TomoSaxs.Correct.Stage;

/// <summary>The per-frame numbers Correct used for one sample frame (stored in corrected.h5).</summary>
/// <param name="PositionUm">Motor x, µm.</param>
/// <param name="OffsetUm">Offset from the scan's chamber centre, µm.</param>
/// <param name="CountTimeS">Exposure, s.</param>
/// <param name="IncidentFlux">I0.</param>
/// <param name="TransmittedFlux">It.</param>
/// <param name="ThicknessUm">Sample thickness d used (after clamping), µm; the Register value when flagged.</param>
/// <param name="InnerChordUm">Liquid chord L_in of the chamber at the offset, µm.</param>
/// <param name="BufferFraction">φ = d/L_in (0 without a buffer or chamber).</param>
/// <param name="Flags">What is special about the frame.</param>
/// <param name="Background">The matched background frames.</param>
/// <param name="Buffer">The matched buffer frames (default when no buffer).</param>
public sealed record FrameFactors(
    double PositionUm, double OffsetUm, double CountTimeS, double IncidentFlux, double TransmittedFlux, double ThicknessUm,
    double InnerChordUm, double BufferFraction, FrameFlags Flags, OffsetMatch Background, OffsetMatch Buffer)
{
    /// <summary>T = It/I0.</summary>
    public double Transmission => TransmittedFlux / IncidentFlux;

    /// <summary>Whether the frame is corrected by the full closed form (not flagged for the outside policy).</summary>
    public bool IsSample => (Flags & (FrameFlags.OutsideChamber | FrameFlags.ZeroThickness)) == 0;
}

/// <summary>One angle's sample scan and its per-frame factors.</summary>
/// <param name="AngleDeg">Rotation angle, degrees.</param>
/// <param name="File">The SAXS file.</param>
/// <param name="CentreUm">Its chamber centre in this slice, µm (0 when aligned by motor).</param>
/// <param name="Frames">Per position.</param>
public sealed record AngleFactors(double AngleDeg, string File, double CentreUm, IReadOnlyList<FrameFactors> Frames);
