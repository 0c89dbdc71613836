using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Tests.Storage;

public sealed class FileChainStoreTests : IAsyncDisposable
{
    private static readonly ChainRules Rules = new(Difficulty: 2);
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly ChainValidator _validator = new(Rules, TimeProvider.System);
    private readonly ChainVersions _versions;
    private FileChainStore? _store;

    public FileChainStoreTests() => _versions = new ChainVersions(_directory.Path, "alice", retention: 3, maxBytes: 1 << 20, _clock);

    private string ChainPath => Path.Combine(_directory.Path, "alice.chain");

    private string HashPath => Path.Combine(_directory.Path, "alice.hash");

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task A_new_chain_is_genesis_alone_one_line_of_the_chain_json()
    {
        var store = await OpenAsync();

        Assert.Equal([Rules.Genesis.Hash], store.Chain.Blocks.Select(b => b.Hash));
        var lines = await File.ReadAllLinesAsync(ChainPath);
        Assert.Equal(Rules.Genesis.Hash, JsonSerializer.Deserialize<Block>(Assert.Single(lines), StorageJson.Compact)!.Hash);
        await AssertHashFileMatchesAsync();
    }

    [Fact]
    public async Task Appended_blocks_are_lines_that_read_back_whole_with_a_current_hash_file()
    {
        var chain = TestBlocks.Chain(Rules, 4);
        var store = await OpenAsync();
        await store.AppendAsync(chain[1..3]);
        await AssertHashFileMatchesAsync();
        await store.AppendAsync(chain[3..]);
        await AssertHashFileMatchesAsync();

        Assert.Equal(5, (await File.ReadAllLinesAsync(ChainPath)).Length);
        AssertSame(chain, await store.ReadAsync(0, int.MaxValue));
        AssertSame(chain[2..4], await store.ReadAsync(2, 2));
        Assert.Empty(await store.ReadAsync(5, 1));
        Assert.Equal(3, store.Chain.HeightOf(chain[3].Hash));
        Assert.Equal(4, store.Chain.HeightOf(chain[4].Messages[0].Id));

        var reopened = await ReopenAsync();
        AssertSame(chain, await reopened.ReadAsync(0, int.MaxValue));
        Assert.Empty(reopened.Chain.Tip.Messages); // memory holds headers only
    }

    [Fact]
    public async Task A_last_line_cut_short_by_a_crash_is_cut_off_at_open()
    {
        var chain = TestBlocks.Chain(Rules, 3);
        var store = await OpenAsync();
        await store.AppendAsync(chain[1..]);
        await store.DisposeAsync();
        _store = null;
        var torn = JsonLines.Serialize(TestBlocks.Extend(chain, 1)[^1..]);
        await using (var file = new FileStream(ChainPath, FileMode.Append))
        {
            await file.WriteAsync(torn.AsMemory(0, torn.Length / 2));
        }

        var reopened = await OpenAsync();

        AssertSame(chain, await reopened.ReadAsync(0, int.MaxValue));
        Assert.Equal(4, (await File.ReadAllLinesAsync(ChainPath)).Length);
        await AssertHashFileMatchesAsync();
        var next = TestBlocks.Extend(chain, 1);
        await reopened.AppendAsync(next[^1..]);
        AssertSame(next, await (await ReopenAsync()).ReadAsync(0, int.MaxValue));
    }

    [Fact]
    public async Task A_reorganisation_keeps_the_old_chain_as_a_version_then_truncates_and_appends()
    {
        var ours = TestBlocks.Chain(Rules, 4, "ours");
        var store = await OpenAsync();
        await store.AppendAsync(ours[1..]);
        var theirs = TestBlocks.Extend(ours[..2], 4, "theirs");

        await store.TruncateAsync(2);
        Assert.Null(store.Chain.HeightOf(ours[3].Hash));
        Assert.Null(store.Chain.HeightOf(ours[3].Messages[0].Id));
        await AssertHashFileMatchesAsync();
        await store.AppendAsync(theirs[2..]);

        await AssertHashFileMatchesAsync();
        AssertSame(theirs, await (await ReopenAsync()).ReadAsync(0, int.MaxValue));
        var version = Assert.Single(_versions.List());
        Assert.Equal(ours.Count, (await File.ReadAllLinesAsync(version)).Length);
    }

    [Fact]
    public async Task A_damaged_chain_file_is_kept_aside_and_the_newest_valid_version_used()
    {
        var chain = TestBlocks.Chain(Rules, 3);
        var store = await OpenAsync();
        await store.AppendAsync(chain[1..3]);
        Assert.NotNull(await store.BackupAsync());
        await store.AppendAsync(chain[3..]);
        await store.DisposeAsync();
        _store = null;

        // Tamper with a message in the middle: the line still parses, but the chain no longer validates.
        var text = await File.ReadAllTextAsync(ChainPath);
        await File.WriteAllTextAsync(ChainPath, text.Replace("\"m1\"", "\"mX\"", StringComparison.Ordinal));

        var reopened = await OpenAsync();

        AssertSame(chain[..3], await reopened.ReadAsync(0, int.MaxValue));
        Assert.Single(Directory.GetFiles(_directory.Path, "alice.chain.damaged-*"));
    }

    [Fact]
    public async Task Every_file_damaged_is_a_clear_error()
    {
        await File.WriteAllTextAsync(ChainPath, "not json\nnor this\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => OpenAsync());
        Assert.Contains("No valid chain file", error.Message);
    }

    [Fact]
    public async Task An_old_format_file_is_converted_once_and_the_original_kept_as_a_version()
    {
        var chain = TestBlocks.Chain(Rules, 2);
        var original = JsonSerializer.SerializeToUtf8Bytes(new ChainFile([.. chain], chain.Count), StorageJson.Options);
        await File.WriteAllBytesAsync(ChainPath, original);

        var store = await OpenAsync();

        AssertSame(chain, await store.ReadAsync(0, int.MaxValue));
        Assert.Equal(3, (await File.ReadAllLinesAsync(ChainPath)).Length);
        Assert.Equal(original, await File.ReadAllBytesAsync(Assert.Single(_versions.List())));
        await AssertHashFileMatchesAsync();
        AssertSame(chain, await (await ReopenAsync()).ReadAsync(0, int.MaxValue));
        Assert.Single(_versions.List());
    }

    [Fact]
    public async Task Backups_are_written_only_when_the_chain_changed_and_bounded_by_count_and_bytes()
    {
        var chain = TestBlocks.Chain(Rules, 6);
        var store = await OpenAsync();
        Assert.Null(await store.BackupAsync());
        for (var i = 1; i <= 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            await store.AppendAsync(chain[i..(i + 1)]);
            Assert.NotNull(await store.BackupAsync());
            Assert.Null(await store.BackupAsync());
        }

        var versions = _versions.List();
        Assert.Equal(3, versions.Count);
        Assert.Equal("alice_20261124_100230", Path.GetFileName(versions[0]));

        var tight = new ChainVersions(_directory.Path, "alice", retention: 3, maxBytes: new FileInfo(versions[0]).Length + 1, _clock);
        tight.Prune();
        Assert.Single(tight.List());
    }

    /// <summary>Same blocks, every field (records with arrays compare by reference).</summary>
    private static void AssertSame(IReadOnlyList<Block> expected, IReadOnlyList<Block> actual) =>
        Assert.Equal(expected.Select(Json), actual.Select(Json));

    private static string Json(Block block) => JsonSerializer.Serialize(block, StorageJson.Compact);

    private async Task<FileChainStore> OpenAsync() =>
        _store = await FileChainStore.OpenAsync(_directory.Path, "alice", _validator, _versions, _clock, NullLogger.Instance);

    private async Task<FileChainStore> ReopenAsync()
    {
        await _store!.DisposeAsync();
        return await OpenAsync();
    }

    private async Task AssertHashFileMatchesAsync() =>
        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(ChainPath))),
            (await File.ReadAllTextAsync(HashPath)).Trim());
}
