using System.Net;
using System.Net.Http.Json;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Network.Tests.Harness;
using Orleans.Blockchain.Proofs;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary>Signed messages through <c>PUT /add</c>: recorded with their author, refused when the signature does not verify.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SignedMessageApiTests(GatewayFixture fixture)
{
    private HttpClient Http => fixture.Http;

    private static string Query(string text, MessageAuthor author) =>
        $"add?message={Uri.EscapeDataString(text)}&publicKey={author.PublicKey}&signedAt={author.SignedAt.ToUnixTimeMilliseconds()}&signature={author.Signature}";

    private static MessageAuthor Sign(string text) =>
        MessageSignature.Sign(MessageSignature.CreateKey().PrivateKey, DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), text);

    [Fact]
    public async Task A_signed_message_is_mined_with_its_author_and_its_proof_checks_the_signature()
    {
        var author = Sign("signed by me");
        using var response = await Http.PutAsync(Query("signed by me", author), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await Api.ReadJsonAsync(response)).GetProperty("id").GetGuid();

        await Poll.UntilAsync(async () => await fixture.Miner.CountInChainAsync(id) == 1, "the signed message to be mined");
        var receipt = await Http.GetJsonAsync($"messages/{id}");
        Assert.Equal(author.PublicKey, receipt.GetProperty("author").GetProperty("publicKey").GetString());

        var proof = (await Http.GetFromJsonAsync<MessageProof>($"messages/{id}/proof", MinerProcess.Json))!;
        var result = ProofVerifier.Verify(proof);
        Assert.True(result.IsVerified, result.Failure?.Detail);
        Assert.Contains(result.Checks, c => c.Step == ProofStep.Signature && c.Passed);
        Assert.Equal(author, proof.Message.Author);
    }

    [Fact]
    public async Task A_tampered_signature_another_text_or_a_missing_part_is_refused_with_400()
    {
        var author = Sign("mine");
        var tampered = author with { Signature = (author.Signature[0] == '0' ? '1' : '0') + author.Signature[1..] };

        foreach (var query in new[] { Query("mine", tampered), Query("not what was signed", author) })
        {
            using var response = await Http.PutAsync(query, null);
            var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal("the signature does not verify", problem.GetProperty("detail").GetString());
        }

        using var partial = await Http.PutAsync($"add?message=mine&publicKey={author.PublicKey}", null);
        await Api.AssertProblemAsync(partial, HttpStatusCode.BadRequest);

        var old = MessageSignature.Sign(MessageSignature.CreateKey().PrivateKey, DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds()), "stale");
        using var stale = await Http.PutAsync(Query("stale", old), null);
        await Api.AssertProblemAsync(stale, HttpStatusCode.BadRequest);
    }
}
