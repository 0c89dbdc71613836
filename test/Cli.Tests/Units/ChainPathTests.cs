using Orleans.Blockchain.Cli.Miners;
using Orleans.Blockchain.Cli.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests.Units;

public sealed class ChainPathTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void The_chain_file_names_the_miner_and_its_data_directory()
    {
        var path = ChainPath.Parse(Path.Combine("data", "alice.chain"));

        Assert.Equal("alice", path.Name);
        Assert.Equal(Path.GetFullPath("data"), path.DataDirectory);
    }

    [Fact]
    public void A_bare_file_name_lives_in_the_working_directory()
    {
        var path = ChainPath.Parse("bob.chain");

        Assert.Equal(("bob", Directory.GetCurrentDirectory()), (path.Name, path.DataDirectory));
    }

    [Theory]
    [InlineData("data/.chain")]
    [InlineData("data/bad name.chain")]
    [InlineData("data/-dash.chain")]
    public void A_name_the_miner_would_refuse_is_refused_at_once(string chainPath) =>
        Assert.Throws<InvalidSettingException>(() => ChainPath.Parse(chainPath));

    [Fact]
    public void Force_new_chain_moves_the_chain_its_hash_and_its_versions_aside_and_nothing_else()
    {
        string[] chainFiles = ["alice.chain", "alice.hash", "alice_20260101_120000", "alice_20260102_120000"];
        string[] otherFiles = ["alice.pool", "alice.neighbours", "alice_notes", "bob.chain", "bob_20260101_120000"];
        foreach (var file in chainFiles.Concat(otherFiles))
        {
            File.WriteAllText(Path.Combine(_directory.Path, file), file);
        }

        var aside = ChainPath.Parse(Path.Combine(_directory.Path, "alice.chain")).MoveAside(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

        Assert.Equal(Path.Combine(_directory.Path, "alice.old-20260304_050607"), aside);
        Assert.Equal(chainFiles.Order(), Directory.GetFiles(aside!).Select(Path.GetFileName).Order());
        Assert.Equal(otherFiles.Order(), Directory.GetFiles(_directory.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Force_new_chain_without_a_chain_moves_nothing() =>
        Assert.Null(ChainPath.Parse(Path.Combine(_directory.Path, "new", "carol.chain")).MoveAside(DateTimeOffset.UtcNow));

    public void Dispose() => _directory.Dispose();
}
