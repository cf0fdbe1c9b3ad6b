namespace TomoSaxs.Formats.Hdf5;

/// <summary>The attributes of an artefact group or dataset: text, numbers, or arrays of either.</summary>
public sealed class ArtefactAttributes
{
    private readonly SortedDictionary<string, object> values = new(StringComparer.Ordinal);

    /// <summary>The attributes set so far, by name.</summary>
    public IReadOnlyDictionary<string, object> Values => values;

    /// <summary>Sets a text attribute.</summary>
    public ArtefactAttributes Set(string name, string value) => Store(name, value);

    /// <summary>Sets a floating-point attribute.</summary>
    public ArtefactAttributes Set(string name, double value) => Store(name, value);

    /// <summary>Sets an integer attribute.</summary>
    public ArtefactAttributes Set(string name, long value) => Store(name, value);

    /// <summary>Sets an integer attribute.</summary>
    public ArtefactAttributes Set(string name, int value) => Store(name, value);

    /// <summary>Sets an array-of-text attribute.</summary>
    public ArtefactAttributes Set(string name, string[] value) => Store(name, value.ToArray());

    /// <summary>Sets a floating-point array attribute.</summary>
    public ArtefactAttributes Set(string name, double[] value) => Store(name, value.ToArray());

    /// <summary>Sets an integer array attribute.</summary>
    public ArtefactAttributes Set(string name, long[] value) => Store(name, value.ToArray());

    private ArtefactAttributes Store(string name, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        values[name] = value;
        return this;
    }
}
