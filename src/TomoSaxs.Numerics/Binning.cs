namespace TomoSaxs.Numerics;

/// <summary>
/// Down-sampling by averaging consecutive groups, as the amplitude stage bins I(χ) segments by 4 (reference
/// note, amplitudes §1 and §4.3): output[g] = mean(values[g·n … g·n + n − 1]); a trailing partial group is dropped.
/// </summary>
public static class Binning
{
    /// <summary>The number of complete groups of <paramref name="groupSize"/> in <paramref name="length"/> values.</summary>
    public static int GroupCount(int length, int groupSize)
    {
        CheckGroupSize(groupSize);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return length / groupSize;
    }

    /// <summary>The means of consecutive groups of <paramref name="groupSize"/> values (remainder dropped), in the
    /// unit of <paramref name="values"/>.</summary>
    public static double[] MeanOfGroups(ReadOnlySpan<double> values, int groupSize)
    {
        var result = new double[GroupCount(values.Length, groupSize)];
        MeanOfGroups(values, groupSize, result);
        return result;
    }

    /// <summary>Writes the means of consecutive groups into <paramref name="output"/>, whose length must be
    /// <see cref="GroupCount"/>(values.Length, groupSize).</summary>
    public static void MeanOfGroups(ReadOnlySpan<double> values, int groupSize, Span<double> output)
    {
        var groups = GroupCount(values.Length, groupSize);
        if (output.Length != groups)
        {
            throw new ArgumentException($"The output holds {output.Length} values but {values.Length} values make {groups} groups of {groupSize}.", nameof(output));
        }

        for (var g = 0; g < groups; g++)
        {
            var sum = 0.0;
            var start = g * groupSize;
            for (var i = start; i < start + groupSize; i++)
            {
                sum += values[i];
            }

            output[g] = sum / groupSize;
        }
    }

    private static void CheckGroupSize(int groupSize)
    {
        if (groupSize < 1)
        {
            throw new ArgumentException($"The group size must be at least 1 (got {groupSize}).", nameof(groupSize));
        }
    }
}
