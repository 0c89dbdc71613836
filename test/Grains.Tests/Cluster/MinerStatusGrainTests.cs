using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Pool;

namespace Orleans.Blockchain.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class MinerStatusGrainTests(ClusterFixture fixture)
{
    private static readonly ChainRules Rules = new(ClusterFixture.Difficulty);
    private readonly long _key = ClusterFixture.NewKey();

    [Fact]
    public async Task A_reporting_silo_hears_of_new_messages_and_of_a_new_tip()
    {
        var silo = new ListeningSilo();
        var reference = fixture.Grains.CreateObjectReference<IMiningObserver>(silo);
        await fixture.Grains.GetGrain<IMinerStatusGrain>(_key)
            .ReportAsync(new MiningReport("another-silo", IsMining: false, 0, Threads: 1, DateTimeOffset.UtcNow), reference);

        var message = TestBlocks.NewMessage();
        await fixture.Grains.GetGrain<IDataPoolGrain>(_key).AddAsync(message);
        await silo.PoolChanged.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await fixture.Grains.GetGrain<IChainGrain>(_key).SubmitBlockAsync(TestBlocks.Mine(Rules.Genesis, [message]));
        await silo.TipChanged.Task.WaitAsync(TimeSpan.FromSeconds(30));
        GC.KeepAlive(silo);
    }

    /// <summary>Stands for another silo's mining loop.</summary>
    private sealed class ListeningSilo : IMiningObserver
    {
        public TaskCompletionSource TipChanged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource PoolChanged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TipChangedAsync()
        {
            TipChanged.TrySetResult();
            return Task.CompletedTask;
        }

        public Task PoolChangedAsync()
        {
            PoolChanged.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
