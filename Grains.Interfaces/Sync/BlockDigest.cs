using System.Collections.Immutable;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Sync;

/// <summary>A block in brief, for views of other miners' chains: its place, its hash and the start of its messages.</summary>
[GenerateSerializer, Immutable, Alias("BlockDigest")]
public sealed record BlockDigest(
    [property: Id(0)] long Index,
    [property: Id(1)] string Hash,
    [property: Id(2)] string PreviousHash,
    [property: Id(3)] int MessageCount,
    [property: Id(4)] ImmutableArray<string> Texts)
{
    private const int MaxTexts = 3;
    private const int MaxTextLength = 60;

    public static BlockDigest Of(Block block) => new(
        block.Index,
        block.Hash,
        block.PreviousHash,
        block.Messages.Length,
        [.. block.Messages.Take(MaxTexts).Select(m => m.Text.Length <= MaxTextLength ? m.Text : m.Text[..MaxTextLength] + "…")]);
}
