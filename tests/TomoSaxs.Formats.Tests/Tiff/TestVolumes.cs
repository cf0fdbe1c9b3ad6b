namespace TomoSaxs.Formats.Tests.Tiff;

/// <summary>Deterministic test volumes covering each pixel type's full range and, for float, special values.</summary>
internal static class TestVolumes
{
    public static T[,,] Create<T>(int depth, int rows, int cols, int seed = 1)
        where T : unmanaged
    {
        var random = new Random(seed);
        var volume = new T[depth, rows, cols];
        for (var z = 0; z < depth; z++)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    volume[z, r, c] = Value<T>(random, z, r, c);
                }
            }
        }

        if (typeof(T) == typeof(float) && rows * cols >= 6)
        {
            // Bit-exact round trips must keep IEEE specials, negative zero and subnormals.
            float[] specials = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, 1e-40f, -3.4e38f];
            for (var i = 0; i < specials.Length; i++)
            {
                volume[0, i / cols, i % cols] = (T)(object)specials[i];
            }
        }

        return volume;
    }

    private static T Value<T>(Random random, int z, int r, int c)
    {
        var value = typeof(T) == typeof(byte) ? (object)(byte)random.Next(256)
            : typeof(T) == typeof(ushort) ? (object)(ushort)random.Next(65536)
            : (object)(float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 7)) + z);
        return (T)value;
    }

    public static T[,] Slice<T>(T[,,] volume, int z)
    {
        var image = new T[volume.GetLength(1), volume.GetLength(2)];
        for (var r = 0; r < image.GetLength(0); r++)
        {
            for (var c = 0; c < image.GetLength(1); c++)
            {
                image[r, c] = volume[z, r, c];
            }
        }

        return image;
    }

    public static T[,,] Slab<T>(T[,,] volume, int zStart, int zEnd)
    {
        var slab = new T[zEnd - zStart, volume.GetLength(1), volume.GetLength(2)];
        for (var z = zStart; z < zEnd; z++)
        {
            for (var r = 0; r < slab.GetLength(1); r++)
            {
                for (var c = 0; c < slab.GetLength(2); c++)
                {
                    slab[z - zStart, r, c] = volume[z, r, c];
                }
            }
        }

        return slab;
    }

    /// <summary>Bit-level equality, so NaN payloads and −0 count as different from other values.</summary>
    public static void AssertBitEqual<T>(T[,,] expected, T[,,] actual)
        where T : unmanaged
    {
        Assert.Equal(
            [expected.GetLength(0), expected.GetLength(1), expected.GetLength(2)],
            [actual.GetLength(0), actual.GetLength(1), actual.GetLength(2)]);
        var expectedBytes = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(
            ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(expected),
            expected.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        var actualBytes = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(
            ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(actual),
            actual.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        Assert.True(expectedBytes.SequenceEqual(actualBytes), "the pixel bytes differ");
    }
}
