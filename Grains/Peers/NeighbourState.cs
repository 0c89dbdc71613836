namespace Orleans.Blockchain.Peers;

/// <summary>The persistent state of <see cref="NeighbourGrain"/>: the peer URLs and a staged partition (health is not persisted).</summary>
[GenerateSerializer, Alias("NeighbourState")]
public sealed class NeighbourState
{
    [Id(0)]
    public List<Uri> Urls { get; set; } = [];

    /// <summary>Peers cut off by a staged partition: kept (a restart keeps the partition) until it is healed.</summary>
    [Id(1)]
    public List<Uri> Partitioned { get; set; } = [];
}
