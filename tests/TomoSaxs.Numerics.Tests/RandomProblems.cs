namespace TomoSaxs.Numerics.Tests;

/// <summary>Seeded random least-squares problems for property tests.</summary>
internal static class RandomProblems
{
    public static double[,] Dense(Random random, int rows, int columns, double density = 1.0)
    {
        var a = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                if (random.NextDouble() < density)
                {
                    a[i, j] = random.NextDouble() * 2 - 1;
                }
            }
        }

        return a;
    }

    public static double[] Vector(Random random, int length, double scale = 1.0)
    {
        var v = new double[length];
        for (var i = 0; i < length; i++)
        {
            v[i] = (random.NextDouble() * 2 - 1) * scale;
        }

        return v;
    }

    /// <summary>
    /// A design matrix shaped like the amplitude stage's: row blocks are beam paths of <paramref name="binsPerPath"/>
    /// χ bins, each path crosses a few fibres, and a fibre's column in a path is a Gaussian peak in χ.
    /// </summary>
    public static SparseMatrixCsc ProfileLike(Random random, int paths, int binsPerPath, int fibres, int fibresPerPath)
    {
        var builder = new SparseMatrixBuilder(paths * binsPerPath, fibres);
        for (var path = 0; path < paths; path++)
        {
            for (var f = 0; f < fibresPerPath; f++)
            {
                var fibre = random.Next(fibres);
                var centre = random.NextDouble() * binsPerPath;
                var width = 1.5 + random.NextDouble() * 3;
                var height = 0.2 + random.NextDouble();
                for (var bin = 0; bin < binsPerPath; bin++)
                {
                    var value = height * Math.Exp(-0.5 * Math.Pow((bin - centre) / width, 2));
                    if (value > 1e-6)
                    {
                        builder.Add(path * binsPerPath + bin, fibre, value);
                    }
                }
            }
        }

        return builder.Build();
    }

    public static double[] Multiply(double[,] a, double[] x)
    {
        var y = new double[a.GetLength(0)];
        for (var i = 0; i < y.Length; i++)
        {
            for (var j = 0; j < x.Length; j++)
            {
                y[i] += a[i, j] * x[j];
            }
        }

        return y;
    }
}
