namespace TomoSaxs.Formats.Hdf5;

/// <summary>One filter of a dataset's filter pipeline, in the order the writer applied them.</summary>
/// <param name="Id">The HDF5 filter id (1 deflate, 2 shuffle, 32000 LZF, 32001 Blosc, 32004 LZ4, 32008 bitshuffle …).</param>
/// <param name="Name">The usual short name of the id ("deflate", "lz4" …), else the name stored in the file, else "filter {id}".</param>
/// <param name="StoredName">The description the writer stored with the filter, if any (plugins often store a URL).</param>
/// <param name="Parameters">The filter's client data values as stored.</param>
/// <param name="IsOptional">Whether the writer marked the filter optional (chunks may skip it).</param>
/// <param name="CanDecode">Whether this library can decode data stored with it.</param>
public sealed record Hdf5FilterDescription(ushort Id, string Name, string? StoredName, IReadOnlyList<uint> Parameters, bool IsOptional, bool CanDecode);
