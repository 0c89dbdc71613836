namespace Orleans.Blockchain.Peers;

/// <summary>A known peer: the base URL of its gateway and how it has answered lately.</summary>
/// <param name="Url">Base URL of the peer's gateway, e.g. http://127.0.0.1:5001/.</param>
/// <param name="ConsecutiveFailures">Failed calls since the last success.</param>
/// <param name="LastSeen">The last time it answered, if ever.</param>
[GenerateSerializer, Immutable, Alias("Neighbour")]
public sealed record Neighbour(
    [property: Id(0)] Uri Url,
    [property: Id(1)] int ConsecutiveFailures = 0,
    [property: Id(2)] DateTimeOffset? LastSeen = null)
{
    public bool IsHealthy => ConsecutiveFailures == 0;
}
