using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Tests.Storage;

public sealed class ChainFilesTests : IDisposable
{
    private static readonly ChainRules Rules = new(Difficulty: 2);
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly ChainValidator _validator;
    private readonly ChainFiles _files;

    public ChainFilesTests()
    {
        _validator = new ChainValidator(Rules, TimeProvider.System);
        _files = new ChainFiles(_directory.Path, "alice", retention: 3, _clock, NullLogger.Instance);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_new_miner_has_no_chain_on_disk() => Assert.Null(await _files.LoadAsync(_validator));

    [Fact]
    public async Task Round_trip_keeps_every_field()
    {
        var chain = TestBlocks.Chain(Rules, 3);
        await _files.SaveAsync(chain);

        var loaded = await _files.LoadAsync(_validator);

        Assert.NotNull(loaded);
        Assert.Equal(chain.Select(b => b.Hash), loaded.Select(b => b.Hash));
        Assert.Equal(chain.SelectMany(b => b.Messages), loaded.SelectMany(b => b.Messages));
        Assert.True(File.Exists(Path.Combine(_directory.Path, "alice.chain")));
        var hash = (await File.ReadAllTextAsync(Path.Combine(_directory.Path, "alice.hash"))).Trim();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(_files.ChainPath))), hash);
    }

    [Fact]
    public async Task A_damaged_current_file_falls_back_to_the_newest_valid_version()
    {
        var older = TestBlocks.Chain(Rules, 2);
        await _files.BackupAsync(older);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var newer = TestBlocks.Extend(older, 1);
        await _files.BackupAsync(newer);
        await _files.SaveAsync(TestBlocks.Extend(newer, 1));

        // Tamper with a message: the file still parses, but the chain no longer validates.
        var text = await File.ReadAllTextAsync(_files.ChainPath);
        await File.WriteAllTextAsync(_files.ChainPath, text.Replace("\"m3\"", "\"mX\"", StringComparison.Ordinal));

        var loaded = await _files.LoadAsync(_validator);

        Assert.Equal(newer.Select(b => b.Hash), loaded!.Select(b => b.Hash));
    }

    [Fact]
    public async Task A_truncated_current_file_falls_back()
    {
        var chain = TestBlocks.Chain(Rules, 2);
        await _files.BackupAsync(chain);
        await _files.SaveAsync(TestBlocks.Extend(chain, 1));
        var bytes = await File.ReadAllBytesAsync(_files.ChainPath);
        await File.WriteAllBytesAsync(_files.ChainPath, bytes[..(bytes.Length / 2)]);

        var loaded = await _files.LoadAsync(_validator);

        Assert.Equal(chain.Count, loaded!.Count);
    }

    [Fact]
    public async Task A_stale_hash_file_alone_does_not_discard_a_valid_chain()
    {
        var chain = TestBlocks.Chain(Rules, 2);
        await _files.SaveAsync(chain);
        await File.WriteAllTextAsync(_files.HashPath, new string('0', 64));

        Assert.Equal(chain.Count, (await _files.LoadAsync(_validator))!.Count);
    }

    [Fact]
    public async Task Every_file_damaged_is_a_clear_error()
    {
        await File.WriteAllTextAsync(_files.ChainPath, "not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _files.LoadAsync(_validator));
        Assert.Contains("No valid chain file", error.Message);
    }

    [Fact]
    public async Task Backup_writes_a_version_only_when_the_chain_changed_and_keeps_the_newest()
    {
        var chain = TestBlocks.Chain(Rules, 1);
        Assert.Equal(Path.Combine(_directory.Path, "alice_20261124_100000"), await _files.BackupAsync(chain));
        Assert.Null(await _files.BackupAsync(chain));

        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            chain = TestBlocks.Extend(chain, 1);
            Assert.NotNull(await _files.BackupAsync(chain));
        }

        var versions = _files.Versions();
        Assert.Equal(3, versions.Count);
        Assert.Equal("alice_20261124_100230", Path.GetFileName(versions[0]));
    }
}
