namespace TomoSaxs.Correct.Stage;

/// <summary>What is subtracted (the reference GUI's "-CORRTYPE-").</summary>
public enum CorrectionMode
{
    /// <summary>I = G/d·[A_S − (1 − φ)·A_D − φ·A_B].</summary>
    BackgroundAndBuffer,

    /// <summary>I = G/d·(A_S − A_B).</summary>
    Background,
}

/// <summary>How the background and buffer files are used (the reference GUI's "-BGTYPE-").</summary>
public enum BackgroundType
{
    /// <summary>Line scans across the chamber, matched to each frame by offset (interpolated linearly).</summary>
    LineScan,

    /// <summary>One frame, used for every sample frame.</summary>
    SingleFrame,

    /// <summary>The average of all the file's (normalised) frames, used for every sample frame.</summary>
    Averaged,
}
