namespace TomoSaxs.Correct.Stage;

/// <summary>A scan whose Correct options do not fit its data, refused before any work; <see cref="Key"/> names the
/// scan.yaml key to change.</summary>
public sealed class CorrectOptionsException : Exception
{
    /// <summary>The refusal for <paramref name="key"/> (e.g. <c>stages.correct.mode</c>).</summary>
    public CorrectOptionsException(string key, string message)
        : base($"{key}: {message}")
    {
        Key = key;
    }

    /// <summary>The scan.yaml key path.</summary>
    public string Key { get; }
}
