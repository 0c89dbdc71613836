using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Pool;

/// <summary>The persistent state of <see cref="DataPoolGrain"/>: pending messages, oldest first.</summary>
[GenerateSerializer, Alias("PoolState")]
public sealed class PoolState
{
    [Id(0)]
    public List<Message> Messages { get; set; } = [];
}
