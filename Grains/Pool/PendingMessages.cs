using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Pool;

/// <summary>Pending messages in the order they came, by id: adding, removing and finding cost O(1), the oldest n O(n).</summary>
public sealed class PendingMessages
{
    private readonly LinkedList<Message> _order = new();
    private readonly Dictionary<Guid, LinkedListNode<Message>> _byId = [];

    public int Count => _byId.Count;

    /// <summary>All of them, oldest first.</summary>
    public IReadOnlyCollection<Message> All => _order;

    public bool Contains(Guid id) => _byId.ContainsKey(id);

    public Message? Find(Guid id) => _byId.TryGetValue(id, out var node) ? node.Value : null;

    /// <summary>Adds the message unless its id is here already.</summary>
    public void Add(Message message)
    {
        if (!_byId.ContainsKey(message.Id))
        {
            _byId[message.Id] = _order.AddLast(message);
        }
    }

    public void Remove(Guid id)
    {
        if (_byId.Remove(id, out var node))
        {
            _order.Remove(node);
        }
    }

    public IEnumerable<Message> Oldest(int count) => _order.Take(Math.Max(0, count));

    /// <summary>Up to <paramref name="count"/> messages after the one with id <paramref name="after"/>, or from the
    /// oldest when that one is not here (any more): O(count).</summary>
    public IEnumerable<Message> After(Guid? after, int count)
    {
        var node = after is { } id && _byId.TryGetValue(id, out var found) ? found.Next : _order.First;
        for (var taken = 0; node is not null && taken < count; node = node.Next, taken++)
        {
            yield return node.Value;
        }
    }
}
