using System.Text;
using TomoSaxs.Formats;

namespace TomoSaxs.Pipeline;

/// <summary>
/// Small text files whose modification time tells MSBuild that something a stage depends on changed. They are
/// rewritten only when their content changes, so rerunning a build with the same parameters (or after touching
/// scan.yaml without changing it) leaves every stamp, and therefore every stage, as it was.
/// </summary>
public static class StampFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The stamp's content, or null when there is none yet.</summary>
    public static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path, Utf8) : null;

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> (atomically) unless the file already holds
    /// exactly that text.
    /// </summary>
    /// <returns>True when the file was written.</returns>
    public static bool WriteIfDifferent(string path, string content)
    {
        if (Read(path) == content)
        {
            return false;
        }

        AtomicFile.Write(path, temporary => File.WriteAllText(temporary, content, Utf8));
        return true;
    }
}
