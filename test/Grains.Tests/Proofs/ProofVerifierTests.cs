using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Proofs;

namespace Orleans.Blockchain.Tests.Proofs;

public class ProofVerifierTests
{
    // The gateway's JSON: camelCase, enums as strings.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly ChainRules Rules = new(Difficulty: 1);

    /// <summary>A chain of 5 blocks whose block 2 holds three messages; the proof is of the middle one, signed or not.</summary>
    private static (List<Block> Chain, Message Message) ChainWithMessage(bool signed = false)
    {
        var chain = TestBlocks.Chain(Rules, 1, "before");
        var at = TestBlocks.Now();
        var author = signed ? MessageSignature.Sign(MessageSignature.CreateKey().PrivateKey, at, "the one") : null;
        Message[] messages = [TestBlocks.NewMessage("first"), Message.Create("the one", at, author), TestBlocks.NewMessage("third")];
        chain.Add(TestBlocks.Mine(chain[^1], messages));
        return (TestBlocks.Extend(chain, 3, "after"), messages[1]);
    }

    private static MessageProof ProofOf(List<Block> chain, Message message)
    {
        var height = chain.FindIndex(b => b.Messages.Contains(message));
        return MessageProof.Create(chain[height..], message.Id, chain[0]);
    }

    [Fact]
    public void A_proof_from_a_valid_chain_verifies_with_its_height_and_confirmations()
    {
        var (chain, message) = ChainWithMessage();

        var result = ProofVerifier.Verify(ProofOf(chain, message), Rules.Genesis.Hash, new Checkpoint(chain[^1].Hash, chain[^1].Index));

        Assert.True(result.IsVerified, result.Failure?.Detail);
        Assert.Equal(2, result.Height);
        Assert.Equal(4, result.Confirmations);
        Assert.Equal(
            [ProofStep.Bundle, ProofStep.Leaf, ProofStep.Root, ProofStep.Header, ProofStep.ProofOfWork, ProofStep.Link, ProofStep.Genesis, ProofStep.Checkpoint],
            result.Checks.Select(c => c.Step));
    }

    [Fact]
    public void Every_message_of_a_block_and_a_block_at_height_1_verify()
    {
        var chain = TestBlocks.Chain(Rules, 0);
        var messages = Enumerable.Range(0, 7).Select(i => TestBlocks.NewMessage($"m{i}")).ToArray();
        chain.Add(TestBlocks.Mine(chain[^1], messages));

        foreach (var message in messages)
        {
            var result = ProofVerifier.Verify(ProofOf(chain, message), checkpoint: new Checkpoint(Rules.Genesis.Hash, 0));
            Assert.True(result.IsVerified, result.Failure?.Detail);
            Assert.Equal(1, result.Confirmations);
        }
    }

    /// <summary>One character changed in any value of the bundle's JSON: it no longer parses, or it fails at the
    /// step that covers that field. Every field is changed at every character.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_character_changed_anywhere_fails_at_the_step_that_covers_it(bool signed)
    {
        var (chain, message) = ChainWithMessage(signed);
        var json = JsonSerializer.SerializeToNode(ProofOf(chain, message), Json)!;
        var fieldsChanged = new HashSet<string>();

        foreach (var (path, value) in Values(json, ""))
        {
            var text = value.ToJsonString();
            for (var i = 0; i < text.Length; i++)
            {
                if (Flip(text[i]) is not { } flipped)
                {
                    continue;
                }

                var tampered = JsonNode.Parse(json.ToJsonString())!;
                MessageProof? proof;
                try
                {
                    Replace(tampered, path, JsonNode.Parse(text[..i] + flipped + text[(i + 1)..]));
                    proof = tampered.Deserialize<MessageProof>(Json);
                }
                catch (Exception e) when (e is JsonException or FormatException)
                {
                    continue; // not a bundle any more: verify says so before checking anything
                }

                fieldsChanged.Add(path);
                var failure = ProofVerifier.Verify(proof!).Failure;
                if (failure is null && path == "leafCount")
                {
                    // An RFC 6962 root does not commit to the tree's size: leaf 1 of 3 and of 4 fold alike, so such a
                    // count proves the same message at the same place under the same root (the README says so).
                    continue;
                }

                Assert.True(failure is not null, $"{path} changed to {tampered.ToJsonString()} still verifies");
                Assert.True(failure.Step == Expected(path), $"{path}: failed at {failure.Name} ({failure.Detail}), expected {Expected(path)}");
            }
        }

        // Every field was changed at least once in a way that still parses.
        Assert.Equal(Values(json, "").Select(v => v.Path).ToHashSet(), fieldsChanged);
    }

    [Fact]
    public void A_leaf_count_that_does_not_fit_the_path_fails_the_root()
    {
        var (chain, message) = ChainWithMessage();
        var proof = ProofOf(chain, message);

        Assert.Equal(ProofStep.Root, ProofVerifier.Verify(proof with { LeafCount = 2 }).Failure?.Step);
        Assert.Equal(ProofStep.Root, ProofVerifier.Verify(proof with { LeafCount = 100 }).Failure?.Step);
    }

    private static ProofStep Expected(string path) => path switch
    {
        _ when path.StartsWith("message.", StringComparison.Ordinal) => ProofStep.Leaf,
        "leafIndex" or "leafCount" or "headers[0].messagesRoot" => ProofStep.Root,
        _ when path.StartsWith("auditPath", StringComparison.Ordinal) => ProofStep.Root,
        _ when path.StartsWith("headers", StringComparison.Ordinal) => ProofStep.Header,
        "difficulty" => ProofStep.ProofOfWork,
        "genesisHash" => ProofStep.Genesis,
        _ => throw new InvalidOperationException($"no step covers {path}"),
    };

    [Fact]
    public void A_signed_message_verifies_with_its_author_and_a_forged_signature_fails_at_the_signature()
    {
        var (chain, message) = ChainWithMessage(signed: true);
        var proof = ProofOf(chain, message);

        var result = ProofVerifier.Verify(proof);
        Assert.True(result.IsVerified, result.Failure?.Detail);
        Assert.Contains(result.Checks, c => c.Step == ProofStep.Signature && c.Detail.Contains(message.Author!.Fingerprint, StringComparison.Ordinal));

        // A forger who re-derives the id for a signature of his own making is stopped by the signature.
        var forgedAuthor = message.Author! with { Signature = new string('0', 128) };
        var forged = Message.Create(message.Text, message.AcceptedAt, forgedAuthor);
        Assert.Equal(ProofStep.Signature, ProofVerifier.Verify(proof with { Message = forged }).Failure?.Step);
    }

    [Fact]
    public void A_bundle_with_parts_missing_fails_at_the_bundle_step()
    {
        var (chain, message) = ChainWithMessage(signed: true);
        var proof = ProofOf(chain, message);

        Assert.Equal(ProofStep.Bundle, ProofVerifier.Verify(proof with { Message = message with { Author = message.Author! with { PublicKey = null! } } }).Failure?.Step);
        Assert.Equal(ProofStep.Bundle, ProofVerifier.Verify(proof with { Headers = [] }).Failure?.Step);
        Assert.Equal(ProofStep.Bundle, ProofVerifier.Verify(proof with { Message = null! }).Failure?.Step);
    }

    [Fact]
    public void A_header_left_out_fails_the_link()
    {
        var (chain, message) = ChainWithMessage();
        var proof = ProofOf(chain, message);

        var failure = ProofVerifier.Verify(proof with { Headers = proof.Headers.RemoveAt(2) }).Failure;

        Assert.Equal(ProofStep.Link, failure?.Step);
    }

    [Fact]
    public void A_block_without_the_work_fails_the_proof_of_work()
    {
        var (chain, message) = ChainWithMessage();
        var tip = chain[^1];
        for (var nonce = 0UL; ; nonce++)
        {
            var unsolved = tip with { Nonce = nonce };
            unsolved = unsolved with { Hash = BlockHeader.ComputeHash(unsolved) };
            if (!ProofOfWork.Meets(unsolved.Hash, 1))
            {
                chain[^1] = unsolved;
                break;
            }
        }

        Assert.Equal(ProofStep.ProofOfWork, ProofVerifier.Verify(ProofOf(chain, message)).Failure?.Step);
    }

    [Fact]
    public void Another_network_or_checkpoint_fails_and_says_which()
    {
        var (chain, message) = ChainWithMessage();
        var proof = ProofOf(chain, message);

        Assert.Equal(ProofStep.Genesis, ProofVerifier.Verify(proof, trustedGenesis: GenesisBlock.Create(2).Hash).Failure?.Step);
        Assert.Equal(ProofStep.Checkpoint, ProofVerifier.Verify(proof, checkpoint: new Checkpoint(chain[3].PreviousHash, 3)).Failure?.Step);
        Assert.Equal(ProofStep.Checkpoint, ProofVerifier.Verify(proof, checkpoint: new Checkpoint(chain[1].Hash, 0)).Failure?.Step);
        Assert.True(ProofVerifier.Verify(proof, checkpoint: new Checkpoint(chain[1].Hash, 1)).IsVerified); // the block before, by its link
        var beyond = ProofVerifier.Verify(proof, checkpoint: new Checkpoint(chain[1].Hash, 9)).Failure;
        Assert.Equal(ProofStep.Checkpoint, beyond?.Step);
        Assert.Contains("not in this bundle", beyond!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789@12", true)]
    [InlineData("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", false)]
    [InlineData("abcd@12", false)]
    [InlineData("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789@-1", false)]
    public void Checkpoints_are_read_as_hash_at_height(string text, bool valid)
    {
        Assert.Equal(valid, Checkpoint.TryParse(text, out var checkpoint));
        if (valid)
        {
            Assert.Equal(12, checkpoint.Height);
            Assert.Equal(text[..64].ToLowerInvariant(), checkpoint.Hash);
        }
    }

    /// <summary>Another character of the same kind: a digit for a digit, a hex letter for a hex letter, a letter for a
    /// letter; null for what would only break the JSON.</summary>
    private static char? Flip(char c) => c switch
    {
        >= '0' and <= '8' => (char)(c + 1),
        '9' => '0',
        >= 'a' and <= 'e' => (char)(c + 1),
        'f' => 'a',
        >= 'g' and < 'z' => (char)(c + 1),
        >= 'A' and < 'Z' => (char)(c + 1),
        _ => null,
    };

    private static IEnumerable<(string Path, JsonValue Value)> Values(JsonNode node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Values(p.Value!, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((n, i) => Values(n!, $"{path}[{i}]")),
        JsonValue v => [(path, v)],
        _ => [],
    };

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var target = Values(root, "").Single(v => v.Path == path).Value;
        switch (target.Parent)
        {
            case JsonObject o:
                o[target.GetPropertyName()] = value;
                break;
            case JsonArray a:
                a[target.GetElementIndex()] = value;
                break;
        }
    }
}
