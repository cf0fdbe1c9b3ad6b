using PureHDF;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>Maps PureHDF's type descriptions and .NET element types to <see cref="Hdf5ElementType"/>.</summary>
internal static class Hdf5TypeMapping
{
    /// <summary>The element type of a stored HDF5 type; enumerations count as their integer base type.</summary>
    public static Hdf5ElementType FromStored(IH5DataType type) => type.Class switch
    {
        H5DataTypeClass.FixedPoint => Integer(type.Size, type.FixedPoint.IsSigned),
        H5DataTypeClass.FloatingPoint => type.Size switch
        {
            4 => Hdf5ElementType.Float32,
            8 => Hdf5ElementType.Float64,
            _ => Hdf5ElementType.Other,
        },
        H5DataTypeClass.String or H5DataTypeClass.VariableLength when IsText(type) => Hdf5ElementType.String,
        H5DataTypeClass.Enumerated when type.Enumeration.BaseType.Class == H5DataTypeClass.FixedPoint =>
            Integer(type.Enumeration.BaseType.Size, type.Enumeration.BaseType.FixedPoint.IsSigned),
        _ => Hdf5ElementType.Other,
    };

    /// <summary>A short description such as "int32", "float64", "enum(int8)", "string" or "compound".</summary>
    public static string Describe(IH5DataType type)
    {
        var element = FromStored(type);
        if (type.Class == H5DataTypeClass.Enumerated && element != Hdf5ElementType.Other)
        {
            return $"enum({Name(element)})";
        }

        return element == Hdf5ElementType.Other ? type.Class.ToString().ToLowerInvariant() : Name(element);
    }

    /// <summary>The lower-case numpy-like name of an element type.</summary>
    public static string Name(Hdf5ElementType type) => type switch
    {
        Hdf5ElementType.Int8 => "int8",
        Hdf5ElementType.UInt8 => "uint8",
        Hdf5ElementType.Int16 => "int16",
        Hdf5ElementType.UInt16 => "uint16",
        Hdf5ElementType.Int32 => "int32",
        Hdf5ElementType.UInt32 => "uint32",
        Hdf5ElementType.Int64 => "int64",
        Hdf5ElementType.UInt64 => "uint64",
        Hdf5ElementType.Float32 => "float32",
        Hdf5ElementType.Float64 => "float64",
        Hdf5ElementType.String => "string",
        _ => "other",
    };

    /// <summary>The element type that a .NET element type reads or writes.</summary>
    public static Hdf5ElementType FromClr(Type type) =>
        type == typeof(sbyte) ? Hdf5ElementType.Int8
        : type == typeof(byte) ? Hdf5ElementType.UInt8
        : type == typeof(short) ? Hdf5ElementType.Int16
        : type == typeof(ushort) ? Hdf5ElementType.UInt16
        : type == typeof(int) ? Hdf5ElementType.Int32
        : type == typeof(uint) ? Hdf5ElementType.UInt32
        : type == typeof(long) ? Hdf5ElementType.Int64
        : type == typeof(ulong) ? Hdf5ElementType.UInt64
        : type == typeof(float) ? Hdf5ElementType.Float32
        : type == typeof(double) ? Hdf5ElementType.Float64
        : type == typeof(string) ? Hdf5ElementType.String
        : Hdf5ElementType.Other;

    // PureHDF reports variable-length strings (h5py's default) as class VariableLength over 1-byte characters;
    // its public API does not separate them from sequences of bytes, which NeXus files do not use.
    private static bool IsText(IH5DataType type) =>
        type.Class == H5DataTypeClass.String ||
        (type.Class == H5DataTypeClass.VariableLength
            && type.VariableLength.BaseType.Class is H5DataTypeClass.FixedPoint or H5DataTypeClass.String
            && type.VariableLength.BaseType.Size == 1);

    private static Hdf5ElementType Integer(int size, bool signed) => (size, signed) switch
    {
        (1, true) => Hdf5ElementType.Int8,
        (1, false) => Hdf5ElementType.UInt8,
        (2, true) => Hdf5ElementType.Int16,
        (2, false) => Hdf5ElementType.UInt16,
        (4, true) => Hdf5ElementType.Int32,
        (4, false) => Hdf5ElementType.UInt32,
        (8, true) => Hdf5ElementType.Int64,
        (8, false) => Hdf5ElementType.UInt64,
        _ => Hdf5ElementType.Other,
    };
}
