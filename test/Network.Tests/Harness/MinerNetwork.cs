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
        ExplainAsync(Poll.UntilAsync(
            async () => (await Task.WhenAll(Running.Select(m => m.CountInChainAsync(id)))).All(n => n == 1),
            $"message {id} to be in every chain exactly once", timeout));

    /// <summary>Waits until every running miner has the same tip.</summary>
    public Task WaitUntilConvergedAsync(TimeSpan? timeout = null) =>
        ExplainAsync(Poll.UntilAsync(
            async () => (await Task.WhenAll(Running.Select(m => m.GetStatusAsync()))).Select(s => s.TipHash).Distinct().Count() == 1,
            "every chain to have the same tip", timeout));

    /// <summary>Waits until every running miner serves one and the same chain holding each of <paramref name="ids"/>
    /// exactly once.</summary>
    public Task WaitUntilOneChainHoldsAsync(IReadOnlyCollection<Guid> ids, TimeSpan? timeout = null) =>
        ExplainAsync(Poll.UntilAsync(
            async () =>
            {
                var chains = await Task.WhenAll(Running.Select(m => m.GetChainAsync()));
                return chains.Select(c => c.Chain[^1].Hash).Distinct().Count() == 1 && chains.All(c => MinerProcess.HoldsEachOnce(c, ids));
            },
            $"one chain holding all {ids.Count} messages exactly once", timeout));

    /// <summary>The end of every miner's logs, for the message of a failed wait.</summary>
    public string LogTails(int lines = 30) =>
        LogTail.Of(Miners.SelectMany(m => m.LogFiles().Select(file => ($"{m.Name}/{Path.GetFileName(file)}", file))), lines);

    private IEnumerable<MinerProcess> Running => Miners.Where(m => m.IsRunning);

    /// <summary>Awaits <paramref name="wait"/>; if it times out, the error carries the end of every miner's logs.</summary>
    public async Task ExplainAsync(Task wait)
    {
        try
        {
            await wait;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}{Environment.NewLine}{LogTails()}", e);
        }
    }

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
