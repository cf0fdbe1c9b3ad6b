namespace TomoSaxs.Numerics.Tests;

public sealed class SparseMatrixTests
{
    [Fact]
    public void BuilderSumsDuplicatesAndSortsRows()
    {
        var builder = new SparseMatrixBuilder(3, 2);
        builder.Add(2, 1, 1.0);
        builder.Add(0, 1, 4.0);
        builder.Add(2, 1, 0.5);
        builder.Add(1, 0, -2.0);
        var a = builder.Build();
        Assert.Equal(3, a.NonZeroCount);
        Assert.Equal([0, 2], a.ColumnRows(1).ToArray());
        Assert.Equal([4.0, 1.5], a.ColumnValues(1).ToArray());
        Assert.Equal(new double[,] { { 0, 4 }, { -2, 0 }, { 0, 1.5 } }, a.ToDense());
    }

    [Fact]
    public void ProductsMatchDenseArithmetic()
    {
        var random = new Random(3);
        var dense = RandomProblems.Dense(random, 30, 12, 0.3);
        var a = SparseMatrixCsc.FromDense(dense);
        var x = RandomProblems.Vector(random, 12);
        var y = new double[30];
        a.Multiply(x, y);
        var expected = RandomProblems.Multiply(dense, x);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(expected[i], y[i], 1e-14);
        }

        var r = RandomProblems.Vector(random, 30);
        var w = new double[12];
        a.TransposeMultiply(r, w);
        for (var j = 0; j < 12; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < 30; i++)
            {
                sum += dense[i, j] * r[i];
            }

            Assert.Equal(sum, w[j], 1e-14);
        }
    }

    [Fact]
    public void InconsistentStructureIsRejected()
    {
        Assert.Throws<ArgumentException>(() => new SparseMatrixCsc(2, 1, [0, 2], [1, 0], [1.0, 2.0]));   // rows not increasing
        Assert.Throws<ArgumentException>(() => new SparseMatrixCsc(2, 1, [0, 1], [2], [1.0]));           // row out of range
        Assert.Throws<ArgumentException>(() => new SparseMatrixCsc(2, 2, [0, 1], [0], [1.0]));           // wrong column count
        Assert.Throws<ArgumentException>(() => new SparseMatrixCsc(2, 1, [0, 1], [0], [double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseMatrixBuilder(2, 2).Add(2, 0, 1.0));
    }
}
