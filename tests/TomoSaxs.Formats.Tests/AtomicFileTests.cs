using TomoSaxs.Formats;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests;

public class AtomicFileTests
{
    [Fact]
    public void AFailedWriteKeepsThePreviousFileAndLeavesNoTemporary()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("result.txt");
        File.WriteAllText(path, "good");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, temporary =>
        {
            File.WriteAllText(temporary, "half");
            throw new InvalidOperationException("writer died");
        }));

        Assert.Equal("good", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void ASuccessfulWriteReplacesTheFile()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("sub/result.txt");

        AtomicFile.WriteStream(path, stream => stream.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
