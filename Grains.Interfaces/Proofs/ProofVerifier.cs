using System.Collections.Immutable;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Proofs;

/// <summary>
/// Checks a <see cref="MessageProof"/> with nothing but the rules of the chain: the leaf from the message, the root
/// from the audit path, every header hash from its fields, the proof of work, the links from the message's block to
/// the tip, the genesis the difficulty fixes, and optionally a trusted genesis hash and checkpoint. It proves that
/// someone did this much work on a chain holding the message; how much that is worth is the work on top (or the
/// checkpoint), never the gateway that served the bundle.
/// </summary>
public static class ProofVerifier
{
    public static ProofVerification Verify(MessageProof proof, string? trustedGenesis = null, Checkpoint? checkpoint = null)
    {
        var checks = ImmutableArray.CreateBuilder<ProofCheck>();
        foreach (var step in Steps(proof, trustedGenesis?.ToLowerInvariant(), checkpoint))
        {
            checks.Add(step);
            if (!step.Passed)
            {
                break;
            }
        }

        return new ProofVerification(checks.ToImmutable(), proof);
    }

    private static IEnumerable<ProofCheck> Steps(MessageProof proof, string? trustedGenesis, Checkpoint? checkpoint)
    {
        if (Shape(proof) is { } malformed)
        {
            yield return Fail(ProofStep.Bundle, malformed);
            yield break;
        }

        var message = proof.Message;
        var block = proof.Headers[0];
        var tip = proof.Headers[^1];
        yield return Check(ProofStep.Bundle, true, $"message {message.Id} in block {block.Index}, headers from there to the tip {tip.Index}");

        var leaf = MerkleRoot.LeafHash(message);
        var id = Message.IdFor(message.Text, message.AcceptedAt, message.Author);
        yield return id == message.Id
            ? Check(ProofStep.Leaf, true, $"the id is derived from the {(message.Author is null ? "text and time" : "text, time, author and signature")}; leaf hash {Hex(leaf)}")
            : Fail(ProofStep.Leaf, $"the message's id {message.Id} is not derived from its content ({id})");

        if (message.Author is { } author)
        {
            yield return MessageSignature.Verifies(author, message.Text)
                ? Check(ProofStep.Signature, true, $"signed by {author.Fingerprint} (Ed25519 key {author.PublicKey}) at {author.SignedAt:O}")
                : Fail(ProofStep.Signature, $"the signature does not verify for key {author.Fingerprint}");
        }

        var path = proof.AuditPath.Select(p => ProvenHeader.IsHash(p) ? Convert.FromHexString(p) : []).ToArray();
        var root = MerkleTree.RootFromAuditPath(leaf, proof.LeafIndex, proof.LeafCount, path);
        yield return root is null
            ? Fail(ProofStep.Root, $"the audit path ({path.Length} hashes) cannot lead from leaf {proof.LeafIndex} of {proof.LeafCount} to a root")
            : Hex(root) == block.MessagesRoot
                ? Check(ProofStep.Root, true, $"leaf {proof.LeafIndex} of {proof.LeafCount} and {path.Length} path hashes give the messages root {Hex(root)}")
                : Fail(ProofStep.Root, $"the audit path leads to {Hex(root)}, but block {block.Index}'s messages root is {block.MessagesRoot}");

        foreach (var check in CheckHeaders(proof.Headers, proof.Difficulty, block.Index == 1 ? proof.GenesisHash : null))
        {
            yield return check;
        }

        var genesis = GenesisBlock.Create(proof.Difficulty).Hash;
        if (proof.GenesisHash != genesis)
        {
            yield return Fail(ProofStep.Genesis, $"the bundle names the genesis {proof.GenesisHash}, but difficulty {proof.Difficulty} fixes {genesis}");
        }

        if (trustedGenesis is not null && trustedGenesis != genesis)
        {
            yield return Fail(ProofStep.Genesis, $"the bundle is of the network with genesis {genesis}, not of {trustedGenesis}");
        }

        yield return Check(ProofStep.Genesis, true, $"genesis {genesis}{(trustedGenesis is null ? " (fixed by the difficulty; not compared with a trusted one)" : ", as given")}");

        if (checkpoint is not null)
        {
            yield return CheckpointCheck(proof, checkpoint);
        }
    }

    /// <summary>The header, proof-of-work and link steps over consecutive headers: each hash recomputed from its fields,
    /// each with the difficulty's leading zeros, each naming the one before; the first names
    /// <paramref name="previousHash"/> when it is given. Shared by proofs and by audits of a chain's new blocks.</summary>
    public static IEnumerable<ProofCheck> CheckHeaders(IReadOnlyList<ProvenHeader> headers, int difficulty, string? previousHash)
    {
        foreach (var header in headers)
        {
            var hash = header.ComputeHash();
            if (hash != header.Hash)
            {
                yield return Fail(ProofStep.Header, hash is null
                    ? $"block {header.Index}: the previous hash and the messages root must be 64 lowercase hex digits"
                    : $"block {header.Index}: the header's fields hash to {hash}, not to the stated {header.Hash}");
            }
        }

        yield return Check(ProofStep.Header, true, $"every header hash recomputed ({headers.Count}); block {headers[0].Index} is {headers[0].Hash}");

        if (difficulty is < 0 or > ProofOfWork.MaxDifficulty)
        {
            yield return Fail(ProofStep.ProofOfWork, $"a difficulty of {difficulty} is not one a network can have (0 to {ProofOfWork.MaxDifficulty})");
        }

        foreach (var header in headers)
        {
            if (header.Difficulty != difficulty || !ProofOfWork.Meets(header.Hash, difficulty))
            {
                yield return Fail(ProofStep.ProofOfWork, $"block {header.Index}: {header.Hash} (difficulty {header.Difficulty}) does not have the network's {difficulty} leading zero digits");
            }
        }

        yield return Check(ProofStep.ProofOfWork, true, $"every hash has {difficulty} leading zero digits: about {ProofOfWork.ExpectedHashes(difficulty) * headers.Count:0.###e+0} hashes of work");

        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            var (expectedIndex, expectedPrevious) = i == 0
                ? (header.Index, previousHash ?? header.PreviousHash)
                : (headers[i - 1].Index + 1, headers[i - 1].Hash);
            if (header.Index != expectedIndex || header.PreviousHash != expectedPrevious)
            {
                yield return Fail(ProofStep.Link, i == 0
                    ? $"block {header.Index} names {header.PreviousHash} as the block before it, not {previousHash}"
                    : $"block {header.Index} does not follow block {headers[i - 1].Index} ({headers[i - 1].Hash})");
            }
        }

        yield return Check(ProofStep.Link, true, $"blocks {headers[0].Index} to {headers[^1].Index} link one to the next; the last is {headers[^1].Hash}");
    }

    private static ProofCheck CheckpointCheck(MessageProof proof, Checkpoint checkpoint)
    {
        var first = proof.Headers[0];
        var stated = checkpoint.Height switch
        {
            0 => proof.GenesisHash,
            var h when h == first.Index - 1 => first.PreviousHash,
            var h when h >= first.Index && h <= proof.Headers[^1].Index => proof.Headers[(int)(h - first.Index)].Hash,
            _ => null,
        };
        return stated switch
        {
            null => Fail(ProofStep.Checkpoint, $"block {checkpoint.Height} is not in this bundle, which holds blocks {first.Index - 1} to {proof.Headers[^1].Index}: make a newer bundle"),
            _ when stated == checkpoint.Hash => Check(ProofStep.Checkpoint, true, $"block {checkpoint.Height} is {checkpoint.Hash}, as trusted"),
            _ => Fail(ProofStep.Checkpoint, $"block {checkpoint.Height} of this chain is {stated}, not the trusted {checkpoint.Hash}"),
        };
    }

    /// <summary>What is missing or out of range, before any hash is computed; null when the shape is right.</summary>
    private static string? Shape(MessageProof proof)
    {
        if (proof.Message is not { Text: not null } || proof.Message.Author is { PublicKey: null } or { Signature: null })
        {
            return "the bundle has no message, or an author without its key or signature";
        }

        if (proof.AuditPath.IsDefault || proof.AuditPath.Any(p => p is null))
        {
            return "the bundle has no audit path";
        }

        if (proof.Headers.IsDefaultOrEmpty || proof.Headers.Any(h => h is not { PreviousHash: not null, MessagesRoot: not null, Hash: not null }))
        {
            return "the bundle has no headers, or a header without its hashes";
        }

        if (proof.Headers[0].Index < 1)
        {
            return "no message is in the genesis block";
        }

        return proof.GenesisHash is null ? "the bundle names no genesis" : null;
    }

    private static ProofCheck Check(ProofStep step, bool passed, string detail) => new(step, passed, detail);

    private static ProofCheck Fail(ProofStep step, string detail) => new(step, false, detail);

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
