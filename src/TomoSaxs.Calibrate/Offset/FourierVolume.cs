using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// 3-D discrete Fourier transforms of row-major <c>[z, row, col]</c> volumes, as MathNet 1-D FFTs along each
/// axis in turn (MathNet's managed provider has no multi-dimensional transform; the 3-D DFT is separable).
/// </summary>
internal static class FourierVolume
{
    /// <summary>The smallest 2ᵃ·3ᵇ·5ᶜ ≥ n. For a correlation that only needs offsets where the template lies inside
    /// the reference, padding to the reference's size is enough to keep them from wrapping; this size stays within
    /// a few percent of n (a power of two can almost double each axis, eight times the memory of a 3-D volume) at
    /// the price of MathNet's slower transform for lengths that are not powers of two.</summary>
    public static int SmoothSize(int n)
    {
        var size = Math.Max(1, n);
        while (!IsSmooth(size))
        {
            size++;
        }

        return size;
    }

    private static bool IsSmooth(int n)
    {
        foreach (var factor in new[] { 2, 3, 5 })
        {
            while (n % factor == 0)
            {
                n /= factor;
            }
        }

        return n == 1;
    }

    /// <summary>The smallest power of two ≥ n: MathNet is fastest there and the zero padding keeps the circular
    /// correlation from wrapping valid offsets onto each other.</summary>
    public static int GoodSize(int n)
    {
        var size = 1;
        while (size < n)
        {
            size <<= 1;
        }

        return size;
    }

    /// <summary>Copies <paramref name="values"/> (minus <paramref name="subtract"/>, times an optional taper) into
    /// the corner of a zero complex volume of <paramref name="dims"/>.</summary>
    public static Complex[] Embed(float[,,] values, int[] dims, double subtract, Func<int, int, int, double>? taper = null)
    {
        var data = new Complex[dims[0] * dims[1] * dims[2]];
        for (var z = 0; z < values.GetLength(0); z++)
        {
            for (var r = 0; r < values.GetLength(1); r++)
            {
                for (var c = 0; c < values.GetLength(2); c++)
                {
                    var v = values[z, r, c] - subtract;
                    data[(z * dims[1] + r) * dims[2] + c] = taper is null ? v : v * taper(z, r, c);
                }
            }
        }

        return data;
    }

    /// <summary>Forward transform without scaling.</summary>
    public static void Forward(Complex[] data, int[] dims) => Transform(data, dims, inverse: false);

    /// <summary>Inverse transform scaled by 1/N.</summary>
    public static void Inverse(Complex[] data, int[] dims) => Transform(data, dims, inverse: true);

    private static void Transform(Complex[] data, int[] dims, bool inverse)
    {
        int[] strides = [dims[1] * dims[2], dims[2], 1];
        for (var axis = 0; axis < 3; axis++)
        {
            var length = dims[axis];
            var stride = strides[axis];
            var lines = data.Length / length;
            // Each line is independent; lines are spread over threads, each with its own buffer.
            Parallel.For(0, lines, () => new Complex[length], (line, _, buffer) =>
            {
                var start = LineStart(line, axis, dims);
                for (var i = 0; i < length; i++)
                {
                    buffer[i] = data[start + i * stride];
                }

                if (inverse)
                {
                    Fourier.Inverse(buffer, FourierOptions.Matlab);
                }
                else
                {
                    Fourier.Forward(buffer, FourierOptions.Matlab);
                }

                for (var i = 0; i < length; i++)
                {
                    data[start + i * stride] = buffer[i];
                }

                return buffer;
            }, _ => { });
        }
    }

    /// <summary>The flat index of the first element of line <paramref name="line"/> running along <paramref name="axis"/>.</summary>
    private static int LineStart(int line, int axis, int[] dims) => axis switch
    {
        0 => line, // lines along z: one per (row, col)
        1 => line / dims[2] * dims[1] * dims[2] + line % dims[2], // along rows: one per (z, col)
        _ => line * dims[2], // along cols: one per (z, row)
    };
}
