namespace Orleans.Blockchain.Proofs;

/// <summary>The checks of a proof, in the order they run; the first that fails names the failure.</summary>
public enum ProofStep
{
    /// <summary>The bundle has every part (message, path, headers) in the expected shape.</summary>
    Bundle,

    /// <summary>The message's id is derived from its content, and its leaf hash is recomputed.</summary>
    Leaf,

    /// <summary>A signed message's Ed25519 signature verifies for its author's key (unsigned messages skip it).</summary>
    Signature,

    /// <summary>The audit path leads from the leaf to the messages root of the message's block.</summary>
    Root,

    /// <summary>Every header's hash is recomputed from its fields.</summary>
    Header,

    /// <summary>Every hash has the network's difficulty in leading zero hex digits.</summary>
    ProofOfWork,

    /// <summary>Heights step by one and each header names the hash of the one before.</summary>
    Link,

    /// <summary>The genesis hash is the one this difficulty fixes (and the one given, if any).</summary>
    Genesis,

    /// <summary>The chain passes through the block the user trusts.</summary>
    Checkpoint,
}
