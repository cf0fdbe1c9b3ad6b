using System.Buffers.Binary;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// Checks an HDF5 file's superblock before PureHDF parses it: the signature must be present and the file must
/// be at least as long as the end-of-file address the superblock records. libhdf5 makes the same check
/// ("truncated file"); without it a cut-off copy fails later, deep inside some dataset, with a less useful
/// message.
/// </summary>
internal static class Hdf5FileCheck
{
    private static readonly byte[] Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a];

    /// <summary>Throws a <see cref="DataFileException"/> when the file is not HDF5 or is truncated.</summary>
    public static void EnsureComplete(string reportedPath, string fullPath)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;

        // The superblock sits at byte 0 or, behind a user block, at 512, 1024, 2048 … bytes.
        for (long offset = 0; offset + Signature.Length <= length; offset = offset == 0 ? 512 : offset * 2)
        {
            var head = new byte[Math.Min(64, length - offset)];
            stream.Position = offset;
            stream.ReadExactly(head);
            if (head.AsSpan(0, Signature.Length).SequenceEqual(Signature))
            {
                CheckEndOfFile(reportedPath, head, length);
                return;
            }
        }

        throw new DataFileException(reportedPath, null, "not an HDF5 file: no HDF5 superblock signature was found");
    }

    private static void CheckEndOfFile(string reportedPath, byte[] superblock, long length)
    {
        if (superblock.Length < 12)
        {
            throw Truncated(reportedPath, length, "the superblock is cut off");
        }

        int version = superblock[8];
        var (offsetSize, addressesStart) = version switch
        {
            0 => (superblock[13], 24),
            1 => (superblock[13], 28),
            2 or 3 => (superblock[9], 12),
            _ => throw new DataFileException(reportedPath, null, $"HDF5 superblock version {version} is not supported (0–3 are)"),
        };

        if (offsetSize is not (2 or 4 or 8))
        {
            throw new DataFileException(reportedPath, null, $"corrupt HDF5 superblock: size of offsets is {offsetSize}");
        }

        // Versions 0/1 store base, free-space, end-of-file addresses; versions 2/3 base, extension, end-of-file.
        var endOfFileField = addressesStart + 2 * offsetSize;
        if (superblock.Length < endOfFileField + offsetSize)
        {
            throw Truncated(reportedPath, length, "the superblock is cut off");
        }

        var baseAddress = ReadAddress(superblock.AsSpan(addressesStart), offsetSize);
        var endOfFile = ReadAddress(superblock.AsSpan(endOfFileField), offsetSize);
        var undefined = offsetSize == 8 ? ulong.MaxValue : (1UL << (8 * offsetSize)) - 1;
        if (endOfFile == undefined)
        {
            return;
        }

        var expectedLength = baseAddress + endOfFile;
        if ((ulong)length < expectedLength)
        {
            throw Truncated(reportedPath, length, $"its superblock says the file ends at byte {expectedLength}");
        }
    }

    private static ulong ReadAddress(ReadOnlySpan<byte> bytes, int size) => size switch
    {
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
    };

    private static DataFileException Truncated(string reportedPath, long length, string detail) =>
        new(reportedPath, null, $"the file is truncated or corrupt: it has {length} bytes but {detail}");
}
