using System.Collections.Immutable;

namespace Orleans.Blockchain.Proofs;

/// <summary>The checks a verification ran, in order; it stops at the first that fails.</summary>
public sealed record ProofVerification(ImmutableArray<ProofCheck> Checks, MessageProof Proof)
{
    public bool IsVerified => Checks.All(c => c.Passed);

    /// <summary>The first check that failed, if any.</summary>
    public ProofCheck? Failure => Checks.FirstOrDefault(c => !c.Passed);

    /// <summary>The height of the block holding the message.</summary>
    public long Height => Proof.Headers[0].Index;

    /// <summary>Blocks from the message's block to the tip of the bundle, that block included.</summary>
    public long Confirmations => Proof.Headers[^1].Index - Proof.Headers[0].Index + 1;
}
