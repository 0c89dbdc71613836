using System.Net;
using System.Net.Http.Json;
using Orleans.Blockchain.Network.Tests.Harness;
using Orleans.Blockchain.Proofs;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary><c>GET /messages/{id}/proof</c> over real HTTP: a bundle that verifies offline, 404, 400, OpenAPI.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ProofApiTests(GatewayFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task A_mined_message_has_a_self_contained_proof_that_verifies_to_the_tip()
    {
        var id = await fixture.EnsureMinedAsync();

        var body = await Http.GetJsonAsync($"messages/{id}/proof");
        Api.AssertProperties(body, "message", "leafIndex", "leafCount", "auditPath", "headers", "genesisHash", "difficulty");
        Api.AssertProperties(body.GetProperty("headers")[0], "index", "timestamp", "previousHash", "messagesRoot", "version", "difficulty", "nonce", "hash");
        var proof = (await Http.GetFromJsonAsync<MessageProof>($"messages/{id}/proof", MinerProcess.Json))!;
        var status = await fixture.Miner.GetStatusAsync();

        var result = ProofVerifier.Verify(proof, status.GenesisHash);

        Assert.True(result.IsVerified, result.Failure?.Detail);
        Assert.Equal(id, proof.Message.Id);
        Assert.True(proof.Headers[^1].Index >= status.Height - 1, "the headers reach the tip"); // a block may be mined in between
    }

    [Fact]
    public async Task An_unknown_message_has_no_proof_and_a_bad_id_is_refused()
    {
        using var unknown = await Http.GetAsync($"messages/{Guid.NewGuid()}/proof");
        await Api.AssertProblemAsync(unknown, HttpStatusCode.NotFound);

        using var bad = await Http.GetAsync("messages/not-a-guid/proof");
        await Api.AssertProblemAsync(bad, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_proof_is_documented_in_OpenAPI()
    {
        var document = await Http.GetJsonAsync("swagger/v1/swagger.json");

        var operation = document.GetProperty("paths").GetProperty("/messages/{id}/proof").GetProperty("get");
        Assert.Equal("GetMessageProof", operation.GetProperty("operationId").GetString());
        var responses = operation.GetProperty("responses");
        Assert.All(["200", "400", "404", "409"], code => Assert.True(responses.TryGetProperty(code, out _), $"no {code} response documented"));
        Assert.Contains("409", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
