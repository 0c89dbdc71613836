using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Tests.Chain;

public class MessageSignatureTests
{
    private static readonly ChainRules Rules = new(Difficulty: 1);

    private static (byte[] PrivateKey, MessageAuthor Author) Signed(string text)
    {
        var (privateKey, _) = MessageSignature.CreateKey();
        return (privateKey, MessageSignature.Sign(privateKey, TestBlocks.Now(), text));
    }

    [Fact]
    public void A_signature_verifies_for_its_text_time_and_key_only()
    {
        var (_, author) = Signed("hello");
        var other = Signed("hello").Author;

        Assert.True(MessageSignature.Verifies(author, "hello"));
        Assert.False(MessageSignature.Verifies(author, "hello!"));
        Assert.False(MessageSignature.Verifies(author with { SignedAt = author.SignedAt.AddMilliseconds(1) }, "hello"));
        Assert.False(MessageSignature.Verifies(author with { PublicKey = other.PublicKey }, "hello"));
        Assert.False(MessageSignature.Verifies(author with { Signature = Flip(author.Signature) }, "hello"));
        Assert.False(MessageSignature.Verifies(author with { Signature = author.Signature.ToUpperInvariant() }, "hello"));
        Assert.False(MessageSignature.Verifies(author with { PublicKey = "00" }, "hello"));
    }

    [Fact]
    public void The_id_and_the_leaf_commit_to_the_author_and_unsigned_messages_keep_theirs()
    {
        var at = TestBlocks.Now();
        var unsigned = Message.Create("hello", at);
        var (_, author) = Signed("hello");
        var signed = Message.Create("hello", at, author);
        var reattributed = Message.Create("hello", at, Signed("hello").Author);

        Assert.Equal(Message.IdFor("hello", at), unsigned.Id);
        Assert.NotEqual(unsigned.Id, signed.Id);
        Assert.NotEqual(signed.Id, reattributed.Id);
        Assert.NotEqual(MerkleRoot.LeafHash(unsigned), MerkleRoot.LeafHash(signed));
        Assert.NotEqual(MerkleRoot.LeafHash(signed), MerkleRoot.LeafHash(reattributed with { Id = signed.Id }));
        Assert.Equal(Message.SignedMarker, MerkleRoot.LeafData(signed)[24]);
    }

    [Fact]
    public void Validators_refuse_a_bad_signature_and_accept_a_good_one()
    {
        var validator = new ChainValidator(Rules, TimeProvider.System);
        var (_, author) = Signed("signed text");
        var good = Message.Create("signed text", TestBlocks.Now(), author);
        var forged = Message.Create("signed text", good.AcceptedAt, author with { Signature = Flip(author.Signature) });

        Assert.Null(validator.CheckMessage(good));
        Assert.Contains("the signature does not verify", validator.CheckMessage(forged), StringComparison.Ordinal);

        var chain = TestBlocks.Chain(Rules, 0);
        Assert.True(validator.ValidateChain([.. chain, TestBlocks.Mine(chain[^1], [good])]).IsValid);
        var result = validator.ValidateChain([.. chain, TestBlocks.Mine(chain[^1], [forged])]);
        Assert.False(result.IsValid);
        Assert.Contains("the signature does not verify", result.Reason, StringComparison.Ordinal);
    }

    private static string Flip(string hex) => (hex[0] == '0' ? '1' : '0') + hex[1..];
}
