namespace TomoSaxs.Formats.Hdf5;

/// <summary>The element type of a dataset or attribute, as stored.</summary>
public enum Hdf5ElementType
{
    /// <summary>A type this library does not read as numbers or text (compound, reference, opaque, array …).</summary>
    Other,

    /// <summary>Signed 8-bit integer (also h5py booleans, an enum over int8).</summary>
    Int8,

    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8,

    /// <summary>Signed 16-bit integer.</summary>
    Int16,

    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16,

    /// <summary>Signed 32-bit integer.</summary>
    Int32,

    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32,

    /// <summary>Signed 64-bit integer.</summary>
    Int64,

    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64,

    /// <summary>IEEE 32-bit float.</summary>
    Float32,

    /// <summary>IEEE 64-bit float.</summary>
    Float64,

    /// <summary>Text, fixed or variable length.</summary>
    String,
}
