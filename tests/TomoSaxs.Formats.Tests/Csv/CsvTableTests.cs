using TomoSaxs.Formats;
using TomoSaxs.Formats.Csv;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Csv;

public class CsvTableTests
{
    [Fact]
    public void RoundTripKeepsEveryDoubleExactly()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("table.csv");
        double[] q = [0.1, 1.0 / 3.0, 2.5e-7, double.MaxValue];
        double[] intensity = [-1.25, Math.PI, 0.0, 1e300];

        CsvTableWriter.Write(path, ["q_nm^-1", "intensity"], [q, intensity]);
        var (headers, columns) = CsvTableReader.Read(path);

        Assert.Equal(["q_nm^-1", "intensity"], headers);
        Assert.Equal(q, columns[0]);
        Assert.Equal(intensity, columns[1]);
    }

    [Fact]
    public void ColumnsOfDifferentLengthAreRefusedAndNothingIsWritten()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("table.csv");

        var error = Assert.Throws<ArgumentException>(() => CsvTableWriter.Write(path, ["a", "b"], [new[] { 1.0, 2.0 }, new[] { 1.0 }]));

        Assert.Contains("'b' has 1 values", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void ANonNumberNamesTheFileLineAndColumn()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("bad.csv");
        File.WriteAllText(path, "q,I\n0.1,2\n0.2,abc\n");

        var error = Assert.Throws<DataFileException>(() => CsvTableReader.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal("line 3, column 'I'", error.Item);
        Assert.Contains("'abc' is not a number", error.Message);
    }
}
