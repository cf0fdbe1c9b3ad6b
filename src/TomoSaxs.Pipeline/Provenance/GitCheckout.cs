namespace TomoSaxs.Pipeline;

/// <summary>
/// Reads the commit a checkout's HEAD points at straight from its <c>.git</c> files (plain repositories and
/// worktrees, loose and packed refs), so recording provenance needs no git executable on a compute node.
/// </summary>
public static class GitCheckout
{
    /// <summary>
    /// The 40-hex commit of the checkout holding <paramref name="start"/> (a file or folder, searched upwards), or
    /// null when there is no checkout or its HEAD cannot be resolved.
    /// </summary>
    public static string? HeadCommit(string start)
    {
        try
        {
            return GitDirectory(Path.GetFullPath(start)) is { } gitDir ? Resolve(gitDir) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? GitDirectory(string start)
    {
        for (var dir = new DirectoryInfo(Directory.Exists(start) ? start : Path.GetDirectoryName(start) ?? start);
             dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return dotGit;
            }

            // A worktree or submodule: ".git" is a file reading "gitdir: <path>".
            if (File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is var link && link.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, link["gitdir:".Length..].Trim()));
            }
        }

        return null;
    }

    private static string? Resolve(string gitDir)
    {
        var head = Read(Path.Combine(gitDir, "HEAD"));
        if (head is null || !head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return IsCommit(head) ? head : null;
        }

        var name = head["ref:".Length..].Trim();
        // Worktrees keep HEAD privately but share refs with the main repository, named in "commondir".
        var common = Read(Path.Combine(gitDir, "commondir")) is { } relative ? Path.GetFullPath(Path.Combine(gitDir, relative)) : gitDir;
        var loose = Read(Path.Combine(gitDir, name)) ?? Read(Path.Combine(common, name));
        if (IsCommit(loose))
        {
            return loose;
        }

        var packed = Path.Combine(common, "packed-refs");
        return File.Exists(packed)
            ? File.ReadLines(packed)
                .Select(line => line.Split(' ', 2))
                .Where(parts => parts.Length == 2 && parts[1].Trim() == name && IsCommit(parts[0]))
                .Select(parts => parts[0])
                .FirstOrDefault()
            : null;
    }

    private static string? Read(string file) => File.Exists(file) ? File.ReadAllText(file).Trim() : null;

    private static bool IsCommit(string? text) =>
        text is { Length: 40 or 64 } && text.All(char.IsAsciiHexDigitLower);
}
