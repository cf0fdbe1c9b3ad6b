using TomoSaxs.Formats;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>Exact conversions of traced fibre values (read as float) to their stored types.</summary>
public static class FibreValues
{
    /// <summary>An angle in whole degrees 0…255 (α 1…179, β 0…179, 0 = none).</summary>
    /// <exception cref="DataFileException">The value is not a whole number in 0…255.</exception>
    public static byte Angle(float value, string stack) =>
        value >= 0 && value <= 255 && value == MathF.Round(value)
            ? (byte)value
            : throw new DataFileException(stack, null, $"holds the angle {value}; expected whole degrees 0…255 (8-bit)");

    /// <summary>A fibre id, a whole number ≥ 0 (0 = none).</summary>
    /// <exception cref="DataFileException">The value is negative, fractional or beyond 2³¹.</exception>
    public static int Id(float value, string stack) =>
        value >= 0 && value < int.MaxValue && value == MathF.Round(value)
            ? (int)value
            : throw new DataFileException(stack, null, $"holds the fibre id {value}; expected a whole number ≥ 0");
}
