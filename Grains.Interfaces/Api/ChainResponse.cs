using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Api;

/// <summary><c>GET /chain</c>: the blocks asked for (all, or from a height on) and how many they are.</summary>
/// <param name="Chain">The blocks, lowest first.</param>
/// <param name="Length">How many blocks <paramref name="Chain"/> holds.</param>
/// <param name="Next">With <c>?limit=</c>: the height to ask for next when more blocks follow (the page was full by
/// count or by bytes); absent at the tip.</param>
public sealed record ChainResponse(
    ImmutableArray<Block> Chain,
    int Length,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Next = null)
{
    /// <summary>The most bytes of blocks one page (<c>?limit=</c>) holds; a page always holds at least one block. A
    /// valid block's JSON is far smaller (256 KiB of text, at most 6 bytes of JSON a byte), so every valid block fits
    /// a page, and a page fits well within a peer's response cap.</summary>
    public const int MaxPageBytes = 4 * 1024 * 1024;
}
