namespace Orleans.Blockchain.Chain;

/// <summary>A chain in memory with look-ups by block hash and message id. It trusts its caller:
/// validate before appending or replacing.</summary>
public sealed class IndexedChain
{
    private readonly List<Block> _blocks = [];
    private readonly Dictionary<string, long> _heightByHash = [];
    private readonly Dictionary<Guid, long> _heightByMessage = [];

    public IndexedChain(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            Append(block);
        }
    }

    public IReadOnlyList<Block> Blocks => _blocks;

    public Block Tip => _blocks[^1];

    public int Length => _blocks.Count;

    public bool Contains(Guid messageId) => _heightByMessage.ContainsKey(messageId);

    public long? HeightOf(Guid messageId) => _heightByMessage.TryGetValue(messageId, out var h) ? h : null;

    public Block? Find(string hash) => _heightByHash.TryGetValue(hash, out var h) ? _blocks[(int)h] : null;

    public void Append(Block block)
    {
        _blocks.Add(block);
        _heightByHash[block.Hash] = block.Index;
        foreach (var message in block.Messages)
        {
            _heightByMessage[message.Id] = block.Index;
        }
    }

    /// <summary>Drops the blocks from <paramref name="height"/> on and appends <paramref name="blocks"/>.</summary>
    public void ReplaceFrom(long height, IEnumerable<Block> blocks)
    {
        for (var i = _blocks.Count - 1; i >= height; i--)
        {
            _heightByHash.Remove(_blocks[i].Hash);
            foreach (var message in _blocks[i].Messages)
            {
                _heightByMessage.Remove(message.Id);
            }

            _blocks.RemoveAt(i);
        }

        foreach (var block in blocks)
        {
            Append(block);
        }
    }
}
