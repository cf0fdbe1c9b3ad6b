namespace TomoSaxs.Numerics;

/// <summary>
/// Householder reflections on column-major storage, in the form Lawson and Hanson use: the reflector that maps a
/// vector x (entries pivot … last of one column) onto σ·e_pivot, σ = −sign(x_pivot)·‖x‖, is kept as the
/// transformed column itself (σ at the pivot, the untouched tail below it) plus the scalar u_p = x_pivot − σ.
/// Keeping the tail in place lets a candidate column be tried and restored by rewriting one entry.
/// </summary>
internal static class Householder
{
    /// <summary>
    /// Builds the reflector for <paramref name="column"/>[pivot … end) and stores σ at the pivot. Returns u_p, or
    /// 0 when the vector is zero or has no tail (then the reflector is the identity and the column is unchanged).
    /// </summary>
    public static double Construct(Span<double> column, int pivot)
    {
        if (pivot + 1 >= column.Length)
        {
            return 0.0;
        }

        // Scale by the largest magnitude so that squaring neither overflows nor underflows.
        var largest = 0.0;
        for (var l = pivot; l < column.Length; l++)
        {
            largest = Math.Max(largest, Math.Abs(column[l]));
        }

        if (largest == 0.0)
        {
            return 0.0;
        }

        var sum = 0.0;
        for (var l = pivot; l < column.Length; l++)
        {
            var scaled = column[l] / largest;
            sum += scaled * scaled;
        }

        var norm = largest * Math.Sqrt(sum);
        var sigma = column[pivot] > 0.0 ? -norm : norm;
        var up = column[pivot] - sigma;
        column[pivot] = sigma;
        return up;
    }

    /// <summary>
    /// Applies the reflector stored in <paramref name="reflector"/> (σ at the pivot, tail below) with scalar
    /// <paramref name="up"/> to <paramref name="target"/>[pivot … end). A zero <paramref name="up"/> is the identity.
    /// </summary>
    public static void Apply(ReadOnlySpan<double> reflector, int pivot, double up, Span<double> target)
    {
        // With u = (u_p, x_{pivot+1}, …), H = I + u·uᵀ/b and b = u_p·σ < 0.
        var b = up * reflector[pivot];
        if (b >= 0.0)
        {
            return;
        }

        var dot = target[pivot] * up;
        for (var l = pivot + 1; l < target.Length; l++)
        {
            dot += target[l] * reflector[l];
        }

        if (dot == 0.0)
        {
            return;
        }

        var scale = dot / b;
        target[pivot] += scale * up;
        for (var l = pivot + 1; l < target.Length; l++)
        {
            target[l] += scale * reflector[l];
        }
    }
}
