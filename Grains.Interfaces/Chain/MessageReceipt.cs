using System.Text.Json.Serialization;

namespace Orleans.Blockchain.Chain;

/// <summary>A message's receipt: pending, or in block <paramref name="Height"/> with
/// <paramref name="Confirmations"/> blocks on top of it (1 when it is in the tip); a signed message names its
/// <paramref name="Author"/> (left out of the JSON when there is none).</summary>
[GenerateSerializer, Immutable, Alias("MessageReceipt")]
public sealed record MessageReceipt(
    [property: Id(0)] Guid Id,
    [property: Id(1)] MessageStatus Status,
    [property: Id(2)] long? Height = null,
    [property: Id(3)] string? BlockHash = null,
    [property: Id(4)] long Confirmations = 0,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MessageAuthor? Author = null);
