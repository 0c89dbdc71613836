using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Pool;

/// <summary>The pool's old format (one JSON document, rewritten on every change), read once to convert it to the journal.</summary>
public sealed class PoolState
{
    public List<Message> Messages { get; set; } = [];
}
