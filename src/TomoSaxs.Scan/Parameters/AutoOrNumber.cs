namespace TomoSaxs.Scan;

/// <summary>
/// The value of an "auto | number" parameter: either <see cref="Auto"/> (the stage determines the value, e.g.
/// by image matching) or a fixed number that pins an automatic step.
/// </summary>
public readonly record struct AutoOrNumber
{
    private AutoOrNumber(bool isAuto, double value)
    {
        IsAuto = isAuto;
        Value = value;
    }

    /// <summary>"auto": the stage finds the value.</summary>
    public static AutoOrNumber Auto { get; } = new(true, 0);

    /// <summary>True for "auto".</summary>
    public bool IsAuto { get; }

    /// <summary>The pinned number; 0 and meaningless when <see cref="IsAuto"/>.</summary>
    public double Value { get; }

    /// <summary>A pinned value.</summary>
    public static AutoOrNumber Of(double value) =>
        double.IsFinite(value) ? new(false, value) : throw new ArgumentOutOfRangeException(nameof(value), value, "must be finite");

    /// <summary>The pinned number, or null for "auto".</summary>
    public double? NumberOrNull => IsAuto ? null : Value;

    /// <summary>"auto" or the number in invariant text.</summary>
    public override string ToString() => IsAuto ? "auto" : ScalarText.Format(Value);
}
