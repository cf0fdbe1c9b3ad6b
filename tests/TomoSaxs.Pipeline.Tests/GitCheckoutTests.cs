using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests;

/// <summary>HEAD resolution on hand-made .git folders in each layout git uses.</summary>
public sealed class GitCheckoutTests : IDisposable
{
    private const string Commit = "89abcdef0123456789abcdef0123456789abcdef";
    private readonly TemporaryDirectory temp = new();

    [Fact]
    public void A_branch_with_a_loose_ref_is_found_from_a_file_deep_inside_the_checkout()
    {
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write(".git/refs/heads/main", Commit + "\n");
        Write("src/deep/file.cs", "");

        Assert.Equal(Commit, GitCheckout.HeadCommit(temp.File("src/deep/file.cs")));
    }

    [Fact]
    public void A_packed_ref_and_a_detached_head_are_found()
    {
        Write(".git/HEAD", "ref: refs/heads/graph\n");
        Write(".git/packed-refs", $"# pack-refs with: peeled fully-peeled sorted\n{new string('1', 40)} refs/heads/main\n{Commit} refs/heads/graph\n");
        Assert.Equal(Commit, GitCheckout.HeadCommit(temp.Path));

        Write(".git/HEAD", Commit + "\n");
        Assert.Equal(Commit, GitCheckout.HeadCommit(temp.Path));
    }

    [Fact]
    public void A_worktree_follows_its_gitdir_file_and_shares_the_main_repositorys_refs()
    {
        Write("main/.git/refs/heads/graph", Commit + "\n");
        Write("main/.git/worktrees/graph/HEAD", "ref: refs/heads/graph\n");
        Write("main/.git/worktrees/graph/commondir", "../..\n");
        Write("wt/graph/.git", $"gitdir: {temp.File("main/.git/worktrees/graph")}\n");

        Assert.Equal(Commit, GitCheckout.HeadCommit(temp.File("wt/graph")));
    }

    [Fact]
    public void No_checkout_or_an_unresolvable_head_gives_null()
    {
        Assert.Null(GitCheckout.HeadCommit(temp.Path));
        Write(".git/HEAD", "ref: refs/heads/gone\n");
        Assert.Null(GitCheckout.HeadCommit(temp.Path));
    }

    public void Dispose() => temp.Dispose();

    private void Write(string relative, string content)
    {
        var path = temp.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
