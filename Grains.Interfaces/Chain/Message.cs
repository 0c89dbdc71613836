namespace Orleans.Blockchain.Chain;

/// <summary>A text message recorded by the network.</summary>
/// <param name="Id">Assigned where the message enters the network; the network deduplicates by it.</param>
/// <param name="Text">The message itself (UTF-8, bounded length).</param>
/// <param name="AcceptedAt">When the first miner accepted it, in whole milliseconds (UTC).</param>
[GenerateSerializer, Immutable, Alias("Message")]
public sealed record Message(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset AcceptedAt);
