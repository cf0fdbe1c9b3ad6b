namespace TomoSaxs.Pipeline;

/// <summary>Why a stage (for one slice, or for the scan) would run.</summary>
public enum StalenessKind
{
    /// <summary><c>--force</c> was given.</summary>
    Forced,

    /// <summary>An output does not exist.</summary>
    MissingOutput,

    /// <summary>The stage's parameters differ from those its outputs were built with.</summary>
    ParametersChanged,

    /// <summary>The stage version differs from the one its outputs were built with.</summary>
    StageVersionChanged,

    /// <summary>An input will be rewritten by an upstream stage that runs first in the same build.</summary>
    UpstreamRebuilt,

    /// <summary>An input does not exist and no stage in the build writes it (the stage will then fail).</summary>
    MissingInput,

    /// <summary>An input is newer than the oldest output.</summary>
    InputNewer,
}
