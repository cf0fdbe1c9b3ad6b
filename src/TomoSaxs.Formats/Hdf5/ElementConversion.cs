using System.Numerics;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// Which stored element types may be read as which .NET types, and the conversion itself. Floating-point
/// targets accept every numeric type (detector counts are read as float or double); integer targets accept only
/// integer types whose whole range they hold, so reading never truncates silently.
/// </summary>
internal static class ElementConversion
{
    public static bool CanRead(Hdf5ElementType stored, Type target)
    {
        var targetType = Hdf5TypeMapping.FromClr(target);
        if (stored == targetType)
        {
            return true;
        }

        if (!IsNumeric(stored))
        {
            return false;
        }

        if (targetType is Hdf5ElementType.Float32 or Hdf5ElementType.Float64)
        {
            return true;
        }

        return IsInteger(stored) && IsInteger(targetType)
            && Range(stored).Min >= Range(targetType).Min && Range(stored).Max <= Range(targetType).Max;
    }

    public static void Convert<TFrom, TTo>(ReadOnlySpan<TFrom> from, Span<TTo> to)
        where TFrom : INumberBase<TFrom>
        where TTo : INumberBase<TTo>
    {
        for (var i = 0; i < from.Length; i++)
        {
            to[i] = TTo.CreateTruncating(from[i]);
        }
    }

    public static bool IsNumeric(Hdf5ElementType type) => type is not (Hdf5ElementType.Other or Hdf5ElementType.String);

    private static bool IsInteger(Hdf5ElementType type) =>
        IsNumeric(type) && type is not (Hdf5ElementType.Float32 or Hdf5ElementType.Float64);

    private static (Int128 Min, Int128 Max) Range(Hdf5ElementType type) => type switch
    {
        Hdf5ElementType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        Hdf5ElementType.UInt8 => (byte.MinValue, byte.MaxValue),
        Hdf5ElementType.Int16 => (short.MinValue, short.MaxValue),
        Hdf5ElementType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        Hdf5ElementType.Int32 => (int.MinValue, int.MaxValue),
        Hdf5ElementType.UInt32 => (uint.MinValue, uint.MaxValue),
        Hdf5ElementType.Int64 => (long.MinValue, long.MaxValue),
        Hdf5ElementType.UInt64 => (ulong.MinValue, ulong.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer type"),
    };
}
