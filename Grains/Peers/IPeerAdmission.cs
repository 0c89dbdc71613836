namespace Orleans.Blockchain.Peers;

/// <summary>Decides whether a peer may join the neighbour list.</summary>
public interface IPeerAdmission
{
    /// <summary>Null when <paramref name="peer"/> may join; otherwise why not, in one short line.</summary>
    Task<string?> CheckAsync(Uri peer, CancellationToken cancellation);
}
