namespace Orleans.Blockchain.Chain;

/// <summary>What the chain grain keeps of its chain in memory: every block's header (the block without its messages:
/// their texts stay in the store), and look-ups by block hash and message id. It trusts its caller (the chain store):
/// validate before appending.</summary>
public sealed class IndexedChain
{
    private readonly List<Block> _headers = [];
    private readonly Dictionary<string, long> _heightByHash = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, long> _heightByMessage = [];

    /// <summary>The headers, genesis first: index, hashes, timestamp, difficulty and nonce, but no messages.</summary>
    public IReadOnlyList<Block> Blocks => _headers;

    public Block Tip => _headers[^1];

    public int Length => _headers.Count;

    public bool Contains(Guid messageId) => _heightByMessage.ContainsKey(messageId);

    public long? HeightOf(Guid messageId) => _heightByMessage.TryGetValue(messageId, out var h) ? h : null;

    public long? HeightOf(string hash) => _heightByHash.TryGetValue(hash, out var h) ? h : null;

    public void Append(Block block)
    {
        _headers.Add(block.Messages.IsDefaultOrEmpty ? block : block with { Messages = [] });
        _heightByHash[block.Hash] = block.Index;
        foreach (var message in block.Messages)
        {
            _heightByMessage[message.Id] = block.Index;
        }
    }

    /// <summary>Drops the blocks from <paramref name="height"/> on; <paramref name="dropped"/> are those blocks in full
    /// (the headers alone do not name their messages).</summary>
    public void TruncateTo(long height, IEnumerable<Block> dropped)
    {
        foreach (var message in dropped.SelectMany(b => b.Messages))
        {
            _heightByMessage.Remove(message.Id);
        }

        for (var i = _headers.Count - 1; i >= height; i--)
        {
            _heightByHash.Remove(_headers[i].Hash);
            _headers.RemoveAt(i);
        }
    }
}
