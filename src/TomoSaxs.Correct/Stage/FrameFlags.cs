namespace TomoSaxs.Correct.Stage;

/// <summary>Why a corrected frame is not an ordinary G/d-normalised frame (bit flags stored per frame).</summary>
[Flags]
public enum FrameFlags
{
    /// <summary>Corrected normally.</summary>
    None = 0,

    /// <summary>The beam passes outside the chamber's inner wall (offset ≥ R_i).</summary>
    OutsideChamber = 1,

    /// <summary>The sample thickness from Register is zero (or not finite).</summary>
    ZeroThickness = 2,

    /// <summary>The thickness exceeded the inner chord and was clamped to it (φ = 1).</summary>
    ThicknessClamped = 4,

    /// <summary>The frame's offset lies beyond the background scan's offsets; its end frame was used.</summary>
    BackgroundNotCovered = 8,

    /// <summary>The frame's offset lies beyond the buffer scan's offsets; its end frame was used.</summary>
    BufferNotCovered = 16,

    /// <summary>Not corrected: written as the masked fill value (outside policy <c>skip</c>).</summary>
    Skipped = 32,

    /// <summary>Background-only (outside policy <c>background_only</c>): not divided by a thickness.</summary>
    BackgroundOnly = 64,

    /// <summary>Written as zeros (outside policy <c>zero</c>).</summary>
    Zeroed = 128,
}
