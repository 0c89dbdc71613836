using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Cli.Output;
using Orleans.Blockchain.Proofs;

namespace Orleans.Blockchain.Cli.Audit;

/// <summary>
/// One audit of a miner's chain against what was seen before: the remembered tip must still be in the chain, and every
/// block after it is checked like a proof's headers (hash recomputed from the block, proof of work, link). When the
/// remembered tip is gone, a binary search over the remembered blocks finds where the chain forks: a block commits to
/// every block before it, so below a block that still holds, every remembered block holds too.
/// </summary>
internal sealed class ChainAuditor(GatewayClient gateway, TimeProvider clock)
{
    private const int PageSize = 100;

    /// <summary>Audits the network the miner is on, against what <paramref name="networks"/> remembers of it.</summary>
    public async Task<AuditOutcome> AuditAsync(IReadOnlyDictionary<string, RememberedChain> networks, CancellationToken cancellation)
    {
        var status = await gateway.GetStatusAsync(cancellation);
        var remembered = networks.GetValueOrDefault(status.GenesisHash);
        if (remembered is null)
        {
            var first = new RememberedChain(0, status.GenesisHash, [new RememberedBlock(0, status.GenesisHash)], Url, clock.GetUtcNow())
                .MovedTo([new RememberedBlock(status.Height, status.TipHash)], Url, clock.GetUtcNow());
            return new AuditOutcome(status.GenesisHash, true, $"remembering block {status.Height} ({Printable.ShortHash(status.TipHash)}) of the network with genesis {Printable.ShortHash(status.GenesisHash)}: nothing to compare with yet", first);
        }

        if (status.Height < remembered.Height || await HashAtAsync(remembered.Height, cancellation) != remembered.Hash)
        {
            return await ForkAsync(remembered, status, cancellation);
        }

        var seen = new List<RememberedBlock>();
        var previous = remembered.Hash;
        for (var from = remembered.Height + 1; from <= status.Height;)
        {
            var page = (await gateway.GetChainAsync(from, (int)Math.Min(PageSize, status.Height - from + 1), cancellation)).Chain;
            if (page.IsDefaultOrEmpty || page[0].Index != from)
            {
                return new AuditOutcome(status.GenesisHash, false, $"the miner did not serve block {from} although its tip is {status.Height}: the chain changed during the audit; run it again", remembered);
            }

            var headers = page.Select(ProvenHeader.Of).ToList();
            if (ProofVerifier.CheckHeaders(headers, status.Difficulty, previous).FirstOrDefault(c => !c.Passed) is { } failure)
            {
                return new AuditOutcome(status.GenesisHash, false, $"the miner served an invalid block after the remembered tip ({failure.Name}: {failure.Detail}), or its chain changed during the audit", remembered);
            }

            seen.AddRange(headers.Select(h => new RememberedBlock(h.Index, h.Hash)));
            previous = headers[^1].Hash;
            from = headers[^1].Index + 1;
        }

        return new AuditOutcome(status.GenesisHash, 
            true,
            $"block {remembered.Height} ({Printable.ShortHash(remembered.Hash)}) is still in the chain; now at block {status.Height} ({Printable.ShortHash(status.TipHash)}), {Printable.Count(seen.Count, "new block")} checked",
            remembered.MovedTo(seen, Url, clock.GetUtcNow()));
    }

    private string Url => gateway.Address.ToString();

    private async Task<AuditOutcome> ForkAsync(RememberedChain remembered, StatusResponse status, CancellationToken cancellation)
    {
        var candidates = remembered.Blocks.Where(b => b.Height <= status.Height).ToList();
        var holding = -1;
        for (int low = 0, high = candidates.Count - 1; low <= high;)
        {
            var middle = (low + high) / 2;
            if (await HashAtAsync(candidates[middle].Height, cancellation) == candidates[middle].Hash)
            {
                holding = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        var lastHolding = holding >= 0 ? candidates[holding].Height : -1;
        var replaced = remembered.Blocks.Where(b => b.Height > lastHolding).ToList();
        if (holding == candidates.Count - 1)
        {
            return new AuditOutcome(status.GenesisHash, false, $"the miner's chain ends at block {status.Height}, below the remembered tip {remembered.Height}: it is behind (ask an up-to-date miner), or its history was cut; every remembered block up to {status.Height} still holds", remembered);
        }

        var next = replaced[0].Height;
        var fork = next == lastHolding + 1 ? $"height {next}" : $"a height from {lastHolding + 1} to {next}";
        return new AuditOutcome(status.GenesisHash, 
            false,
            $"history rewritten: the chain forks at {fork}; {replaced.Count} remembered block{(replaced.Count == 1 ? " was" : "s were")} replaced (the remembered tip was block {remembered.Height} {Printable.ShortHash(remembered.Hash)})",
            remembered);
    }

    /// <summary>The hash of the block at a height, recomputed from the block: a miner cannot pass off other content
    /// under a remembered hash.</summary>
    private async Task<string> HashAtAsync(long height, CancellationToken cancellation) =>
        BlockHeader.ComputeHash(await gateway.GetBlockAsync(height.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellation));
}
