namespace TomoSaxs.Integration;

/// <summary>
/// Binary persistence of a built operator (its bin axes and sparse matrix) for the on-disk operator cache.
/// Little-endian; written to a temporary name and renamed into place so a killed writer never leaves a file that
/// looks complete.
/// </summary>
internal static class OperatorFile
{
    private const string Magic = "TOMOSAXS-CSR";
    private const int FormatVersion = 1;

    public static void Write(string path, string kind, IReadOnlyList<BinAxis> axes, CsrOperator matrix)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(kind);
            writer.Write(axes.Count);
            foreach (var axis in axes)
            {
                writer.Write(axis.Lower);
                writer.Write(axis.RequestedUpper);
                writer.Write(axis.Bins);
            }

            writer.Write(matrix.DetectorRows);
            writer.Write(matrix.DetectorCols);
            WriteArray(writer, matrix.RowPointers);
            WriteArray(writer, matrix.PixelIndices);
            WriteArray(writer, matrix.Weights);
            WriteArray(writer, matrix.SolidAngles);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static (IReadOnlyList<BinAxis> Axes, CsrOperator Matrix) Read(string path, string expectedKind)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"{path}: not an operator cache file of format {FormatVersion}.");
        }

        var kind = reader.ReadString();
        if (kind != expectedKind)
        {
            throw new InvalidDataException($"{path}: holds a {kind} operator, expected {expectedKind}.");
        }

        var axes = new BinAxis[reader.ReadInt32()];
        for (var i = 0; i < axes.Length; i++)
        {
            axes[i] = new BinAxis(reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt32());
        }

        var rows = reader.ReadInt32();
        var cols = reader.ReadInt32();
        var rowPointers = ReadArray<int>(reader);
        var indices = ReadArray<int>(reader);
        var weights = ReadArray<double>(reader);
        var solidAngles = ReadArray<float>(reader);
        var matrix = new CsrOperator(rowPointers, indices, weights, solidAngles, rows, cols, new DetectorWindow(0, rows, 0, cols));
        return (axes, matrix);
    }

    private static void WriteArray<T>(BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
    }

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var values = new T[reader.ReadInt32()];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        return values;
    }
}
