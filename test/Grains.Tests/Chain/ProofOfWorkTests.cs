using FsCheck.Xunit;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Tests.Chain;

public class ProofOfWorkTests
{
    [Theory]
    [InlineData("ff00", 0)]
    [InlineData("0f00", 1)]
    [InlineData("00f0", 2)]
    [InlineData("000f", 3)]
    [InlineData("0000", 4)]
    public void Counts_leading_zero_hex_digits(string hex, int expected) =>
        Assert.Equal(expected, ProofOfWork.LeadingZeroDigits(Convert.FromHexString(hex)));

    [Property]
    public bool Byte_and_hex_checks_agree(byte[] hash, byte difficulty)
    {
        var d = difficulty % 10;
        return ProofOfWork.Meets(hash, d) == ProofOfWork.Meets(Convert.ToHexStringLower(hash), d);
    }

    [Fact]
    public void A_mined_block_meets_its_difficulty_and_a_changed_nonce_almost_never_does()
    {
        var rules = new ChainRules(3);
        var block = TestBlocks.Mine(rules.Genesis, [TestBlocks.NewMessage()]);

        Assert.StartsWith("000", block.Hash);
        Assert.True(ProofOfWork.Meets(BlockHeader.ComputeHash(block), 3));
        Assert.Contains(Enumerable.Range(1, 20), i => !ProofOfWork.Meets(BlockHeader.ComputeHash(block with { Nonce = block.Nonce + (ulong)i }), 3));
    }
}
