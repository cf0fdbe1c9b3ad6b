namespace TomoSaxs.Scan;

/// <summary>The value type of a stage parameter.</summary>
public enum ParameterKind
{
    /// <summary>A finite number (double), e.g. <c>0.282179</c>.</summary>
    Number,

    /// <summary>A whole number (int), e.g. <c>180</c>.</summary>
    Integer,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>One of a fixed list of words.</summary>
    Choice,

    /// <summary>
    /// <c>auto</c> (the stage finds the value itself) or a number that pins it; see <see cref="AutoOrNumber"/>.
    /// </summary>
    AutoOrNumber,
}
