using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Scan;

/// <summary>
/// Reads one YAML mapping of scan.yaml by key, with types, ranges and paths checked. Problems are recorded in the
/// context, never thrown, so one pass finds all of them; each getter returns null when the key is absent or its
/// value is wrong. Every key asked for becomes "known": <see cref="ReportUnknownKeys"/> then flags the others,
/// suggesting the nearest known key. Section readers (and, later, the phantom schema) are built from this.
/// </summary>
public sealed class YamlMappingReader
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);
    private readonly List<string> keysInOrder = [];
    private readonly HashSet<string> knownKeys = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="node"/>, found at <paramref name="keyPath"/> ("" for the document root).</summary>
    public YamlMappingReader(YamlMappingNode node, string keyPath, ScanReadContext context)
        : this(node, keyPath, context, reportBadKeys: true)
    {
    }

    private YamlMappingReader(YamlMappingNode node, string keyPath, ScanReadContext context, bool reportBadKeys)
    {
        Node = node;
        KeyPath = keyPath;
        Context = context;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } name })
            {
                entries[name] = (key, value);
                keysInOrder.Add(name);
            }
            else if (reportBadKeys)
            {
                context.Report(keyPath, "keys must be plain words, not lists, mappings or empty text.", key);
            }
        }
    }

    /// <summary>The mapping read.</summary>
    public YamlMappingNode Node { get; }

    /// <summary>The mapping's key path, e.g. <c>raw.ct</c>.</summary>
    public string KeyPath { get; }

    /// <summary>The shared file, folder and problem list.</summary>
    public ScanReadContext Context { get; }

    /// <summary>The keys present in the mapping, in file order.</summary>
    public IReadOnlyList<string> Keys => keysInOrder;

    /// <summary>
    /// A reader of the same mapping whose paths are checked for existence, or not, as given (the raw inputs of a
    /// phantom scan are written by the build, so they cannot exist yet).
    /// </summary>
    public YamlMappingReader WithPathChecks(bool checkPathsExist) =>
        new(Node, KeyPath, Context.WithPathChecks(checkPathsExist), reportBadKeys: false);

    /// <summary>The value node of <paramref name="key"/> without marking it known or reporting anything.</summary>
    public YamlNode? Peek(string key) => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The key node of <paramref name="key"/> (for positions in messages), or null.</summary>
    public YamlNode? KeyNode(string key) => entries.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>The key path of a child key.</summary>
    public string PathOf(string key) => KeyPath.Length == 0 ? key : $"{KeyPath}.{key}";

    /// <summary>Whether <paramref name="key"/> is present with a non-null value (marks it known).</summary>
    public bool Has(string key) => Raw(key, required: false, "") is not null;

    /// <summary>
    /// The value node of <paramref name="key"/>, or null when it is absent or null (<c>~</c>, empty). A missing
    /// required key is reported as expecting <paramref name="expected"/>.
    /// </summary>
    public YamlNode? Raw(string key, bool required, string expected)
    {
        knownKeys.Add(key);
        if (!entries.TryGetValue(key, out var entry))
        {
            if (required)
            {
                Context.Report(PathOf(key), $"missing required key; expected {expected}.", Node);
            }

            return null;
        }

        if (IsNull(entry.Value))
        {
            if (required)
            {
                Context.Report(PathOf(key), $"has no value; expected {expected}.", entry.Key);
            }

            return null;
        }

        return entry.Value;
    }

    /// <summary>Text (any scalar), or null.</summary>
    public string? Text(string key, bool required) =>
        Scalar(key, required, "text") is { } scalar ? scalar.Value : null;

    /// <summary>A finite number, optionally in <paramref name="range"/>, or null.</summary>
    public double? Number(string key, bool required, NumericRange? range = null) =>
        Raw(key, required, ExpectedNumber("a number", range)) is { } node ? NumberOf(node, PathOf(key), range) : null;

    /// <summary>A whole number, optionally in <paramref name="range"/>, or null.</summary>
    public int? Integer(string key, bool required, NumericRange? range = null)
    {
        var expected = ExpectedNumber("a whole number", range);
        if (Scalar(key, required, expected) is not { } scalar)
        {
            return null;
        }

        if (IsQuoted(scalar) || !ScalarText.TryInteger(scalar.Value!, out var value))
        {
            Context.Report(PathOf(key), $"expected {expected}, got {Show(scalar)}.", scalar);
            return null;
        }

        return CheckRange(value, range, PathOf(key), scalar, expected) ? value : null;
    }

    /// <summary><c>true</c> or <c>false</c>, or null.</summary>
    public bool? Boolean(string key, bool required)
    {
        if (Scalar(key, required, "true or false") is not { } scalar)
        {
            return null;
        }

        if (!IsQuoted(scalar) && ScalarText.TryBoolean(scalar.Value!, out var value))
        {
            return value;
        }

        Context.Report(PathOf(key), $"expected true or false, got {Show(scalar)}.", scalar);
        return null;
    }

    /// <summary>An absolute path (resolved from the scan folder), checked to exist when the context says so.</summary>
    public string? Path(string key, bool required, PathKind kind) =>
        Scalar(key, required, ScanReadContext.ExpectedPath(kind)) is { } scalar
            ? Context.ResolvePath(scalar.Value!, kind, PathOf(key), scalar)
            : null;

    /// <summary>A nested mapping's reader, or null.</summary>
    public YamlMappingReader? Mapping(string key, bool required, string expected = "a mapping of key: value pairs")
    {
        switch (Raw(key, required, expected))
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return new YamlMappingReader(mapping, PathOf(key), Context);
            case var other:
                Context.Report(PathOf(key), $"expected {expected}, got {Show(other)}.", other);
                return null;
        }
    }

    /// <summary>A list of finite numbers (each optionally in <paramref name="range"/>), or null.</summary>
    public IReadOnlyList<double>? NumberList(string key, bool required, NumericRange? range = null) =>
        List(key, required, ExpectedNumber("a list of numbers", range), (node, path) =>
            NumberOf(node, path, range) is { } value ? (true, value) : (false, 0.0));

    /// <summary>A list of absolute paths, each checked like <see cref="Path"/>, or null.</summary>
    public IReadOnlyList<string>? PathList(string key, bool required, PathKind kind) =>
        List(key, required, $"a list of paths ({ScanReadContext.ExpectedPath(kind)} each)", (node, path) =>
            ScalarOf(node, path, ScanReadContext.ExpectedPath(kind)) is { } scalar
                && Context.ResolvePath(scalar.Value!, kind, path, scalar) is { } resolved
                ? (true, resolved)
                : (false, ""));

    /// <summary>A list of text items, or null.</summary>
    public IReadOnlyList<string>? TextList(string key, bool required) =>
        List(key, required, "a list of text items", (node, path) =>
            ScalarOf(node, path, "text") is { } scalar ? (true, scalar.Value!) : (false, ""));

    /// <summary>Reports every present key that no getter asked for, suggesting the nearest known key.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var name in keysInOrder)
        {
            if (!knownKeys.Contains(name))
            {
                Context.Report(PathOf(name), KeySuggestion.UnknownKeyMessage("key", name, knownKeys), entries[name].Key);
            }
        }
    }

    /// <summary>Whether a node is YAML null: an unquoted empty value, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode scalar && !IsQuoted(scalar) &&
        scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Whether a scalar was written in quotes (and is therefore text, not a number or boolean).</summary>
    public static bool IsQuoted(YamlScalarNode scalar) =>
        scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted;

    /// <summary>How a node looks in a message: <c>'abc'</c>, <c>the quoted text "12"</c>, <c>a list</c>, <c>a mapping</c>.</summary>
    public static string Show(YamlNode node) => node switch
    {
        YamlScalarNode scalar when IsQuoted(scalar) => $"the quoted text \"{scalar.Value}\"",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    private YamlScalarNode? Scalar(string key, bool required, string expected) =>
        Raw(key, required, expected) is { } node ? ScalarOf(node, PathOf(key), expected) : null;

    private YamlScalarNode? ScalarOf(YamlNode node, string path, string expected)
    {
        if (node is YamlScalarNode scalar && !IsNull(scalar))
        {
            return scalar;
        }

        Context.Report(path, IsNull(node) ? $"has no value; expected {expected}." : $"expected {expected}, got {Show(node)}.", node);
        return null;
    }

    private double? NumberOf(YamlNode node, string path, NumericRange? range)
    {
        var expected = ExpectedNumber("a number", range);
        if (ScalarOf(node, path, expected) is not { } scalar)
        {
            return null;
        }

        if (IsQuoted(scalar) || !ScalarText.TryNumber(scalar.Value!, out var value))
        {
            Context.Report(path, $"expected {expected}, got {Show(scalar)}.", scalar);
            return null;
        }

        return CheckRange(value, range, path, scalar, expected) ? value : null;
    }

    // readItem reports its own problems and returns Ok = false for an item it could not read.
    private IReadOnlyList<T>? List<T>(string key, bool required, string expected, Func<YamlNode, string, (bool Ok, T Value)> readItem)
    {
        switch (Raw(key, required, expected))
        {
            case null:
                return null;
            case YamlSequenceNode sequence:
                var items = new List<T>();
                var allGood = true;
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var (ok, item) = readItem(sequence.Children[i], $"{PathOf(key)}[{i}]");
                    allGood &= ok;
                    if (ok)
                    {
                        items.Add(item);
                    }
                }

                return allGood ? items : null;
            case var other:
                Context.Report(PathOf(key), $"expected {expected}, got {Show(other)}.", other);
                return null;
        }
    }

    private bool CheckRange(double value, NumericRange? range, string path, YamlNode node, string expected)
    {
        if (range is null || range.Contains(value))
        {
            return true;
        }

        Context.Report(path, $"{ScalarText.Format(value)} is out of range: expected {expected}.", node);
        return false;
    }

    private static string ExpectedNumber(string what, NumericRange? range) =>
        range is null ? what : $"{what} {range.Describe()}";
}
