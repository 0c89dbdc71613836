namespace Orleans.Blockchain.Peers;

/// <summary>The peers a miner will not take back for a while, keyed by host and port (<see cref="PeerUrl.SlotOf"/>):
/// a new path or scheme is the same peer. Every entry expires, and the list is bounded: when it is full, the entry
/// that would expire first makes room, so a flood of refusals costs bounded memory.</summary>
public sealed class RefusedPeers(int capacity)
{
    private readonly Dictionary<string, DateTimeOffset> _until = [];

    public int Count => _until.Count;

    /// <summary>Refuses the peer until <paramref name="until"/>, or longer if it was refused longer already.</summary>
    public void Refuse(Uri peer, DateTimeOffset until, DateTimeOffset now)
    {
        var slot = PeerUrl.SlotOf(peer);
        if (_until.TryGetValue(slot, out var already) && already >= until)
        {
            return;
        }

        _until.Remove(slot);
        foreach (var expired in _until.Where(e => e.Value <= now).Select(e => e.Key).ToList())
        {
            _until.Remove(expired);
        }

        if (_until.Count >= capacity)
        {
            _until.Remove(_until.MinBy(e => e.Value).Key);
        }

        _until[slot] = until;
    }

    /// <summary>Until when the peer is refused, or null if it is not (any more).</summary>
    public DateTimeOffset? RefusedUntil(Uri peer, DateTimeOffset now) =>
        _until.TryGetValue(PeerUrl.SlotOf(peer), out var until) && until > now ? until : null;
}
