using PureHDF;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>Reads attribute values into plain .NET values.</summary>
internal static class Hdf5AttributeReader
{
    public static IReadOnlyList<Hdf5Attribute> ReadAll(IH5Object owner) =>
        [.. owner.Attributes().Select(Read).OrderBy(attribute => attribute.Name, StringComparer.Ordinal)];

    public static string? ReadString(IH5Object owner, string name, string filePath, string objectPath)
    {
        if (!owner.AttributeExists(name))
        {
            return null;
        }

        var attribute = Read(owner.Attribute(name));
        return attribute.Value switch
        {
            string text => text,
            string[] { Length: 1 } texts => texts[0],
            _ => throw new DataFileException(filePath, $"{objectPath}@{name}",
                $"attribute is {Hdf5TypeMapping.Name(attribute.ElementType)} with shape [{string.Join(", ", attribute.Shape)}], expected text"),
        };
    }

    private static Hdf5Attribute Read(IH5Attribute attribute)
    {
        var type = Hdf5TypeMapping.FromStored(attribute.Type);
        var shape = attribute.Space.Dimensions.Select(dimension => (long)dimension).ToArray();
        var scalar = attribute.Space.Type == H5DataspaceType.Scalar;
        object value;
        try
        {
            value = type switch
            {
                Hdf5ElementType.String => scalar ? attribute.Read<string>() : attribute.Read<string[]>(),
                Hdf5ElementType.Float32 => Unwrap(scalar, attribute.Read<float[]>().Select(v => (double)v).ToArray()),
                Hdf5ElementType.Float64 => Unwrap(scalar, attribute.Read<double[]>()),
                Hdf5ElementType.UInt64 => Unwrap(scalar, attribute.Read<ulong[]>()),
                Hdf5ElementType.Int8 => Unwrap(scalar, attribute.Read<sbyte[]>().Select(v => (long)v).ToArray()),
                Hdf5ElementType.UInt8 => Unwrap(scalar, attribute.Read<byte[]>().Select(v => (long)v).ToArray()),
                Hdf5ElementType.Int16 => Unwrap(scalar, attribute.Read<short[]>().Select(v => (long)v).ToArray()),
                Hdf5ElementType.UInt16 => Unwrap(scalar, attribute.Read<ushort[]>().Select(v => (long)v).ToArray()),
                Hdf5ElementType.Int32 => Unwrap(scalar, attribute.Read<int[]>().Select(v => (long)v).ToArray()),
                Hdf5ElementType.UInt32 => Unwrap(scalar, attribute.Read<uint[]>().Select(v => (long)v).ToArray()),
                Hdf5ElementType.Int64 => Unwrap(scalar, attribute.Read<long[]>()),
                _ => $"<{Hdf5TypeMapping.Describe(attribute.Type)}>",
            };
        }
        catch (Exception exception)
        {
            value = $"<unreadable {Hdf5TypeMapping.Describe(attribute.Type)}: {Hdf5Errors.Innermost(exception)}>";
        }

        return new Hdf5Attribute(attribute.Name, type, shape, value);
    }

    private static object Unwrap<T>(bool scalar, T[] values) where T : notnull =>
        scalar && values.Length == 1 ? values[0] : values;
}
