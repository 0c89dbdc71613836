using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Pool;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Tests.Storage;

public sealed class FilePoolStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string PoolPath => Path.Combine(_directory.Path, "alice.pool");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Batches_are_journal_lines_that_read_back_in_order()
    {
        var (a, b, c) = (TestBlocks.NewMessage("a"), TestBlocks.NewMessage("b"), TestBlocks.NewMessage("c"));
        var (store, loaded) = await FilePoolStore.OpenAsync(PoolPath, NullLogger.Instance);
        Assert.Empty(loaded);
        await store.WriteAsync(new PoolBatch([a, b], []));
        await store.WriteAsync(new PoolBatch([c], [a.Id]));
        await store.DisposeAsync();

        Assert.Equal(4, (await File.ReadAllLinesAsync(PoolPath)).Length);
        Assert.Equal([b, c], await ReopenAsync());
    }

    [Fact]
    public async Task A_last_line_cut_short_by_a_crash_is_cut_off()
    {
        var (a, b) = (TestBlocks.NewMessage("a"), TestBlocks.NewMessage("b"));
        var (store, _) = await FilePoolStore.OpenAsync(PoolPath, NullLogger.Instance);
        await store.WriteAsync(new PoolBatch([a, b], []));
        await store.DisposeAsync();
        var bytes = await File.ReadAllBytesAsync(PoolPath);
        await File.WriteAllBytesAsync(PoolPath, bytes[..^10]);

        Assert.Equal([a], await ReopenAsync());
        var c = TestBlocks.NewMessage("c");
        (store, _) = await FilePoolStore.OpenAsync(PoolPath, NullLogger.Instance);
        await store.WriteAsync(new PoolBatch([c], []));
        await store.DisposeAsync();
        Assert.Equal([a, c], await ReopenAsync());
    }

    [Fact]
    public async Task A_journal_of_mostly_removed_messages_is_compacted()
    {
        var (store, _) = await FilePoolStore.OpenAsync(PoolPath, NullLogger.Instance);
        var kept = TestBlocks.NewMessage("kept");
        await store.WriteAsync(new PoolBatch([kept], []));
        for (var i = 0; i < 50; i++)
        {
            var batch = Enumerable.Range(0, 100).Select(j => TestBlocks.NewMessage($"{i}-{j}")).ToList();
            await store.WriteAsync(new PoolBatch(batch, []));
            await store.WriteAsync(new PoolBatch([], [.. batch.Select(m => m.Id)]));
        }

        Assert.True(store.ShouldCompact(live: 1));
        await store.CompactAsync([kept]);
        Assert.False(store.ShouldCompact(live: 1));
        await store.WriteAsync(new PoolBatch([], [kept.Id]));
        await store.DisposeAsync();

        Assert.Equal(2, (await File.ReadAllLinesAsync(PoolPath)).Length);
        Assert.Empty(await ReopenAsync());
    }

    [Fact]
    public async Task The_old_format_is_converted_once()
    {
        var (a, b) = (TestBlocks.NewMessage("a"), TestBlocks.NewMessage("b"));
        await File.WriteAllBytesAsync(PoolPath, JsonSerializer.SerializeToUtf8Bytes(new PoolState { Messages = [a, b] }, StorageJson.Options));

        Assert.Equal([a, b], await ReopenAsync());
        Assert.Equal(2, (await File.ReadAllLinesAsync(PoolPath)).Length);
        Assert.Equal([a, b], await ReopenAsync());
    }

    private async Task<IReadOnlyList<Message>> ReopenAsync()
    {
        var (store, messages) = await FilePoolStore.OpenAsync(PoolPath, NullLogger.Instance);
        await store.DisposeAsync();
        return messages;
    }
}
