using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;

namespace Orleans.Blockchain.Tests;

/// <summary>Builds messages, blocks and chains for tests by really mining them (at low difficulty).</summary>
internal static class TestBlocks
{
    public static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    /// <summary>A valid message; texts must differ to get different messages within one millisecond.</summary>
    public static Message NewMessage(string text = "hello") => Message.Create(text, Now());

    /// <summary>Mines a block on <paramref name="previous"/>; the timestamp defaults to the previous one's.</summary>
    public static Block Mine(Block previous, IEnumerable<Message> messages, int? difficulty = null, DateTimeOffset? timestamp = null)
    {
        var block = new Block(previous.Index + 1, timestamp ?? previous.Timestamp, [.. messages], previous.Hash, difficulty ?? previous.Difficulty, 0, "");
        return Solve(block);
    }

    /// <summary>Finds the nonce that makes <paramref name="block"/> meet its own difficulty and sets its hash.</summary>
    public static Block Solve(Block block)
    {
        var header = new byte[BlockHeader.Size];
        BlockHeader.Write(header, block);
        var searcher = new Sha256NonceSearcher();
        for (ulong start = 0; ; start += 1 << 16)
        {
            if (searcher.Search(header, block.Difficulty, start, 1 << 16) is { } nonce)
            {
                var solved = block with { Nonce = nonce };
                return solved with { Hash = BlockHeader.ComputeHash(solved) };
            }
        }
    }

    /// <summary>A valid chain of genesis plus <paramref name="blocks"/> blocks of one fresh message each.</summary>
    public static List<Block> Chain(ChainRules rules, int blocks, string label = "m") => Extend([rules.Genesis], blocks, label);

    /// <summary><paramref name="chain"/> plus <paramref name="blocks"/> more blocks of one fresh message each.</summary>
    public static List<Block> Extend(IReadOnlyList<Block> chain, int blocks, string label = "m")
    {
        var result = chain.ToList();
        for (var i = 0; i < blocks; i++)
        {
            result.Add(Mine(result[^1], [NewMessage($"{label}{result.Count}")]));
        }

        return result;
    }
}
