namespace Orleans.Blockchain.Peers;

/// <summary>Which peer makes room for a new one when the list is full: the worst-scoring peer learned by gossip or
/// the API that is failing (most failures in a row, then the longest silent). A configured peer is never replaced,
/// and neither is a healthy one: otherwise anyone could register peers until the honest ones are pushed out.</summary>
public static class NeighbourEviction
{
    public static Neighbour? Victim(IEnumerable<Neighbour> neighbours, IReadOnlySet<Uri> configured) =>
        neighbours
            .Where(n => !n.IsHealthy && !configured.Contains(n.Url))
            .OrderByDescending(n => n.ConsecutiveFailures)
            .ThenBy(n => n.LastSeen ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
}
