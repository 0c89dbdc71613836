namespace Orleans.Blockchain.Cli.Audit;

/// <summary>One audit: the line to print, whether the remembered history still holds, and the state to keep.</summary>
/// <param name="Genesis">The genesis hash of the miner's network: the key of its state.</param>
/// <param name="Holds">False when the chain no longer contains the remembered tip, or served an invalid block.</param>
/// <param name="Line">What to tell the user.</param>
/// <param name="Remembered">The network's state after this audit (unchanged when it failed).</param>
internal sealed record AuditOutcome(string Genesis, bool Holds, string Line, RememberedChain? Remembered);
