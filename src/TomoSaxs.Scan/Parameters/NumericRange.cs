namespace TomoSaxs.Scan;

/// <summary>The allowed interval of a numeric value; either end may be open, closed or absent.</summary>
/// <param name="Minimum">Lower bound, or null for none.</param>
/// <param name="MinimumInclusive">Whether the lower bound itself is allowed.</param>
/// <param name="Maximum">Upper bound, or null for none.</param>
/// <param name="MaximumInclusive">Whether the upper bound itself is allowed.</param>
public sealed record NumericRange(double? Minimum, bool MinimumInclusive, double? Maximum, bool MaximumInclusive)
{
    /// <summary>Strictly greater than zero.</summary>
    public static NumericRange Positive { get; } = new(0, false, null, false);

    /// <summary>Zero or more.</summary>
    public static NumericRange NonNegative { get; } = new(0, true, null, false);

    /// <summary>At least <paramref name="minimum"/>.</summary>
    public static NumericRange AtLeast(double minimum) => new(minimum, true, null, false);

    /// <summary>From <paramref name="minimum"/> to <paramref name="maximum"/>, both included.</summary>
    public static NumericRange Between(double minimum, double maximum) => new(minimum, true, maximum, true);

    /// <summary>Whether <paramref name="value"/> lies in the range.</summary>
    public bool Contains(double value) =>
        (Minimum is not { } min || (MinimumInclusive ? value >= min : value > min)) &&
        (Maximum is not { } max || (MaximumInclusive ? value <= max : value < max));

    /// <summary>A phrase such as "> 0", "≥ 1" or "between −360 and 360".</summary>
    public string Describe() => (Minimum, Maximum) switch
    {
        ({ } min, { } max) when MinimumInclusive && MaximumInclusive =>
            $"between {ScalarText.Format(min)} and {ScalarText.Format(max)}",
        ({ } min, { } max) =>
            $"{(MinimumInclusive ? "≥" : ">")} {ScalarText.Format(min)} and {(MaximumInclusive ? "≤" : "<")} {ScalarText.Format(max)}",
        ({ } min, null) => $"{(MinimumInclusive ? "≥" : ">")} {ScalarText.Format(min)}",
        (null, { } max) => $"{(MaximumInclusive ? "≤" : "<")} {ScalarText.Format(max)}",
        _ => "any value",
    };
}
