namespace Orleans.Blockchain.Peers;

/// <summary>The persistent state of <see cref="NeighbourGrain"/>: the peer URLs (health is not persisted).</summary>
[GenerateSerializer, Alias("NeighbourState")]
public sealed class NeighbourState
{
    [Id(0)]
    public List<Uri> Urls { get; set; } = [];
}
