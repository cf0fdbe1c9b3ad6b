namespace TomoSaxs.Formats.Hdf5;

/// <summary>An attribute and its value.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="ElementType">The stored element type.</param>
/// <param name="Shape">The dimensions; empty for a scalar.</param>
/// <param name="Value">
/// A string, long, ulong or double for scalars; string[], long[], ulong[] or double[] (flattened) for arrays;
/// for other types a short description in angle brackets.
/// </param>
public sealed record Hdf5Attribute(string Name, Hdf5ElementType ElementType, IReadOnlyList<long> Shape, object Value);
