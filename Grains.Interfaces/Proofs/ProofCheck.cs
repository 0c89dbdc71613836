namespace Orleans.Blockchain.Proofs;

/// <summary>The outcome of one step of a proof's verification, with the hash it computed or the reason it failed.</summary>
public sealed record ProofCheck(ProofStep Step, bool Passed, string Detail)
{
    /// <summary>The step as people read it: leaf, root, header, proof of work, link, genesis, checkpoint.</summary>
    public string Name => Step switch
    {
        ProofStep.ProofOfWork => "proof of work",
        _ => Step.ToString().ToLowerInvariant(),
    };
}
