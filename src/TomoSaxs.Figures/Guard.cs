namespace TomoSaxs.Figures;

/// <summary>Argument checks that fail with an <see cref="ArgumentException"/> naming the argument.</summary>
internal static class Guard
{
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be a finite number, not {value}.", name);
        }
    }

    public static void PositiveFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentException($"{name} must be a positive finite number, not {value}.", name);
        }
    }

    public static void NotEmpty<T>(T[,] map, string name)
    {
        ArgumentNullException.ThrowIfNull(map, name);
        if (map.GetLength(0) == 0 || map.GetLength(1) == 0)
        {
            throw new ArgumentException($"{name} is empty ({map.GetLength(0)} × {map.GetLength(1)}).", name);
        }
    }

    public static void NotEmpty<T>(IReadOnlyCollection<T> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0)
        {
            throw new ArgumentException($"{name} is empty.", name);
        }
    }

    public static void SameLength<TA, TB>(IReadOnlyCollection<TA> a, string aName, IReadOnlyCollection<TB> b, string bName)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"{aName} has {a.Count} values but {bName} has {b.Count}; they must match.", bName);
        }
    }

    public static void Path(string path, string name)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"{name} must name a file.", name);
        }
    }
}
