using System.Numerics;
using System.Security.Cryptography;

namespace TomoSaxs.Geometry;

/// <summary>
/// Which detector pixels are excluded from integration, in pyFAI's convention: a non-zero mask value excludes the
/// pixel (module gaps, beamstop, dead pixels, pixels reading the dummy/gap value). Immutable; frames are
/// [rows, cols] row-major (row = dimension 1, slow).
/// </summary>
public sealed class DetectorMask
{
    private readonly bool[] _excluded;
    private readonly Lazy<string> _contentHash;

    private DetectorMask(bool[] excluded, int rows, int cols)
    {
        _excluded = excluded;
        Rows = rows;
        Cols = cols;
        _contentHash = new Lazy<string>(ComputeHash);
    }

    /// <summary>Detector rows (dimension 1).</summary>
    public int Rows { get; }

    /// <summary>Detector columns (dimension 2).</summary>
    public int Cols { get; }

    /// <summary>True for excluded pixels, flattened row-major.</summary>
    public ReadOnlySpan<bool> Excluded => _excluded;

    /// <summary>Number of excluded pixels.</summary>
    public int ExcludedCount => _excluded.Count(e => e);

    /// <summary>SHA-256 (hex) of the shape and the excluded set; equal masks have equal hashes.</summary>
    public string ContentHash => _contentHash.Value;

    /// <summary>A mask excluding nothing.</summary>
    /// <param name="rows">Detector rows.</param>
    /// <param name="cols">Detector columns.</param>
    public static DetectorMask AllValid(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        return new DetectorMask(new bool[rows * cols], rows, cols);
    }

    /// <summary>Builds a mask from stored mask values: non-zero (including NaN) excludes the pixel.</summary>
    /// <typeparam name="T">Any numeric element type (uint8, int32, float …).</typeparam>
    /// <param name="values">Mask values, row-major, length rows·cols.</param>
    /// <param name="rows">Detector rows.</param>
    /// <param name="cols">Detector columns.</param>
    public static DetectorMask FromValues<T>(ReadOnlySpan<T> values, int rows, int cols)
        where T : INumberBase<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        if (values.Length != rows * cols)
        {
            throw new ArgumentException($"The mask has {values.Length} values, expected {rows}·{cols}.", nameof(values));
        }

        var excluded = new bool[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            excluded[i] = !T.IsZero(values[i]);
        }

        return new DetectorMask(excluded, rows, cols);
    }

    /// <summary>A mask from a flag per pixel (true = excluded).</summary>
    /// <param name="excluded">Flags, row-major, length rows·cols; copied.</param>
    /// <param name="rows">Detector rows.</param>
    /// <param name="cols">Detector columns.</param>
    public static DetectorMask FromExcluded(ReadOnlySpan<bool> excluded, int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        if (excluded.Length != rows * cols)
        {
            throw new ArgumentException($"The mask has {excluded.Length} values, expected {rows}·{cols}.", nameof(excluded));
        }

        return new DetectorMask(excluded.ToArray(), rows, cols);
    }

    /// <summary>True when pixel <paramref name="index"/> (row·cols + col) is excluded.</summary>
    /// <param name="index">Flattened pixel index.</param>
    public bool IsExcluded(int index) => _excluded[index];

    private string ComputeHash()
    {
        var bits = new byte[8 + (_excluded.Length + 7) / 8];
        BitConverter.TryWriteBytes(bits.AsSpan(0, 4), Rows);
        BitConverter.TryWriteBytes(bits.AsSpan(4, 4), Cols);
        for (var i = 0; i < _excluded.Length; i++)
        {
            if (_excluded[i])
            {
                bits[8 + (i >> 3)] |= (byte)(1 << (i & 7));
            }
        }

        return Convert.ToHexString(SHA256.HashData(bits));
    }
}
