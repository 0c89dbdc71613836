namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>N real miners on 127.0.0.1, each told of the next one (a line), torn down together.
/// Scenarios read like stories: start a network, add a message here, look at the chain there.</summary>
public sealed class MinerNetwork : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("blockchain-network-").FullName;

    private MinerNetwork(int count, MinerSettings settings) =>
        Miners = [.. Enumerable.Range(0, count).Select(i => new MinerProcess($"m{i}", Path.Combine(_root, $"m{i}"), settings))];

    public IReadOnlyList<MinerProcess> Miners { get; }

    public MinerProcess this[int index] => Miners[index];

    /// <summary>Starts <paramref name="count"/> miners; with <paramref name="connected"/> each knows the next (a line).</summary>
    public static async Task<MinerNetwork> StartAsync(int count, MinerSettings? settings = null, bool connected = true)
    {
        var network = new MinerNetwork(count, settings ?? new MinerSettings());
        try
        {
            await Task.WhenAll(network.Miners.Select((miner, i) =>
                miner.StartAsync(connected && i + 1 < count ? [network.Miners[i + 1].Url] : [])));
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until every running miner's chain holds the message exactly once.</summary>
    public Task WaitUntilEveryChainHoldsAsync(Guid id, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            async () => (await Task.WhenAll(Miners.Where(m => m.IsRunning).Select(m => m.CountInChainAsync(id)))).All(n => n == 1),
            $"message {id} to be in every chain exactly once", timeout);

    /// <summary>Waits until every running miner has the same tip.</summary>
    public Task WaitUntilConvergedAsync(TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            async () => (await Task.WhenAll(Miners.Where(m => m.IsRunning).Select(m => m.GetStatusAsync()))).Select(s => s.TipHash).Distinct().Count() == 1,
            "every chain to have the same tip", timeout);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Miners.Select(m => m.DisposeAsync().AsTask()));
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the temp folder.
        }
    }
}
