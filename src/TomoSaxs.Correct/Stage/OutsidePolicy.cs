namespace TomoSaxs.Correct.Stage;

/// <summary>What happens to frames outside the chamber or with zero thickness (docs/correct.md).</summary>
public enum OutsidePolicy
{
    /// <summary>Not corrected: every pixel carries the masked fill value; the frame is flagged.</summary>
    Skip,

    /// <summary>G·(A_S − A_D) inside a chamber with a buffer, G·(A_S − A_B) otherwise; not divided by a thickness.</summary>
    BackgroundOnly,

    /// <summary>Every pixel 0.</summary>
    Zero,
}
