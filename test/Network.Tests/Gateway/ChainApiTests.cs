using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary><c>GET /chain</c>, <c>GET /blocks/{id}</c> and <c>POST /blocks</c> over real HTTP.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ChainApiTests(GatewayFixture fixture)
{
    private static readonly string Zeros = new('0', 64);

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Chain_is_the_seeds_shape_with_genesis_first_and_linked_blocks()
    {
        await fixture.EnsureMinedAsync();

        var body = await Http.GetJsonAsync("chain");

        Api.AssertProperties(body, "chain", "length");
        var blocks = body.GetProperty("chain").EnumerateArray().ToList();
        Assert.Equal(blocks.Count, body.GetProperty("length").GetInt32());
        Assert.True(blocks.Count >= 2);
        Assert.Equal(0, blocks[0].GetProperty("index").GetInt64());
        Assert.Equal(Zeros, blocks[0].GetProperty("previousHash").GetString());
        for (var i = 0; i < blocks.Count; i++)
        {
            Api.AssertBlockShape(blocks[i]);
            Assert.Equal(i, blocks[i].GetProperty("index").GetInt64());
            Assert.Equal(3, blocks[i].GetProperty("difficulty").GetInt32());
            if (i > 0)
            {
                Assert.Equal(blocks[i - 1].GetProperty("hash").GetString(), blocks[i].GetProperty("previousHash").GetString());
                Assert.StartsWith("000", blocks[i].GetProperty("hash").GetString(), StringComparison.Ordinal);
                Assert.NotEmpty(blocks[i].GetProperty("messages").EnumerateArray());
            }
        }
    }

    [Fact]
    public async Task Chain_from_a_height_returns_only_the_blocks_from_there()
    {
        await fixture.EnsureMinedAsync();

        var body = await Http.GetJsonAsync("chain?from=1");

        Api.AssertProperties(body, "chain", "length");
        var blocks = body.GetProperty("chain").EnumerateArray().ToList();
        Assert.NotEmpty(blocks);
        Assert.Equal(blocks.Count, body.GetProperty("length").GetInt32());
        Assert.Equal(Enumerable.Range(1, blocks.Count).Select(i => (long)i), blocks.Select(b => b.GetProperty("index").GetInt64()));
        var whole = await Http.GetJsonAsync("chain");
        Assert.Equal(whole.GetProperty("chain")[1].GetRawText(), blocks[0].GetRawText());
    }

    [Fact]
    public async Task Chain_from_beyond_the_tip_is_empty()
    {
        var body = await Http.GetJsonAsync("chain?from=999999");

        Assert.Empty(body.GetProperty("chain").EnumerateArray());
        Assert.Equal(0, body.GetProperty("length").GetInt32());
    }

    [Theory]
    [InlineData("chain?from=-1")]
    [InlineData("chain?limit=0")]
    public async Task Chain_from_a_negative_height_or_with_no_room_is_a_bad_request(string path)
    {
        using var response = await Http.GetAsync(path);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid range", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Chain_with_a_limit_returns_at_most_that_many_blocks()
    {
        await fixture.EnsureMinedAsync();

        var page = (await Http.GetFromJsonAsync<ChainResponse>("chain?from=0&limit=1", MinerProcess.Json))!;

        Assert.Equal(1, page.Length);
        Assert.Equal(0, Assert.Single(page.Chain).Index);
        Assert.Equal(1, page.Next);
    }

    [Fact]
    public async Task A_page_that_reaches_the_tip_has_no_next_and_the_whole_chain_has_none_either()
    {
        await fixture.EnsureMinedAsync();
        var length = (await Http.GetFromJsonAsync<ChainResponse>("chain", MinerProcess.Json))!.Length;

        var last = await Http.GetJsonAsync($"chain?from={length - 1}&limit=10");
        var whole = await Http.GetJsonAsync("chain");

        Assert.Equal(1, last.GetProperty("length").GetInt32());
        Assert.False(last.TryGetProperty("next", out _));
        Assert.False(whole.TryGetProperty("next", out _));
        Assert.Equal(length, whole.GetProperty("chain").GetArrayLength());
    }

    [Fact]
    public async Task Tips_lists_this_miners_tip_first_as_active()
    {
        var tips = await Http.GetJsonAsync("tips");
        var status = await Http.GetJsonAsync("status");

        var active = tips.EnumerateArray().First();
        Assert.Equal("active", active.GetProperty("status").GetString());
        Assert.Equal(0, active.GetProperty("branchLength").GetInt64());
        Assert.Equal(status.GetProperty("height").GetInt64(), active.GetProperty("height").GetInt64());
        Assert.All(tips.EnumerateArray(), tip => Assert.True(tip.TryGetProperty("status", out _)));
    }

    [Fact]
    public async Task Chain_from_a_height_that_is_not_a_number_is_a_bad_request()
    {
        using var response = await Http.GetAsync("chain?from=abc");

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, withDetail: false);
    }

    [Fact]
    public async Task Block_by_height_and_by_hash_in_either_case_is_the_same_block()
    {
        await fixture.EnsureMinedAsync();
        var chain = (await Http.GetJsonAsync("chain")).GetProperty("chain");
        foreach (var height in new[] { 0, 1 })
        {
            var expected = chain[height].GetRawText();
            var hash = chain[height].GetProperty("hash").GetString()!;

            var byHeight = await Http.GetJsonAsync($"blocks/{height}");
            var byHash = await Http.GetJsonAsync($"blocks/{hash}");
            var byUpperHash = await Http.GetJsonAsync($"blocks/{hash.ToUpperInvariant()}");

            Api.AssertBlockShape(byHeight);
            Assert.Equal(expected, byHeight.GetRawText());
            Assert.Equal(expected, byHash.GetRawText());
            Assert.Equal(expected, byUpperHash.GetRawText());
        }

        var genesis = await Http.GetJsonAsync("blocks/0");
        Assert.Equal(0, genesis.GetProperty("index").GetInt64());
        Assert.Equal(Zeros, genesis.GetProperty("previousHash").GetString());
        Assert.Empty(genesis.GetProperty("messages").EnumerateArray());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000zz")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000a")]
    public async Task Block_id_that_is_neither_a_height_nor_a_hash_is_a_bad_request(string id)
    {
        using var response = await Http.GetAsync($"blocks/{id}");

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Not a block id", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Block_beyond_the_tip_is_not_found()
    {
        using var response = await Http.GetAsync("blocks/999999");

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("No such block", problem.GetProperty("title").GetString());
    }

    /// <summary>64 zeros is genesis's <em>previous</em> hash, not the hash of any block; a 64-digit id is a hash
    /// even when all its digits happen to be decimal.</summary>
    [Theory]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001")]
    public async Task Block_by_an_unknown_hash_is_not_found(string hash)
    {
        await fixture.EnsureMinedAsync();

        using var response = await Http.GetAsync($"blocks/{hash}");

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("No such block", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Announced_block_whose_hash_does_not_cover_its_content_is_rejected()
    {
        await fixture.EnsureMinedAsync();

        // A block that would extend the tip, built from block 1 with its messages renamed and rewritten and a
        // new hash with the leading zeros: everything checks out except that the hash covers nothing. Retried
        // if the tip moves in between (then the block no longer extends it and is only ignored).
        HttpStatusCode status = default;
        var (body, mediaType) = ("", (string?)null);
        await Poll.UntilAsync(async () =>
        {
            var chain = (await Http.GetJsonAsync("chain")).GetProperty("chain");
            var tip = JsonNode.Parse(chain[chain.GetArrayLength() - 1].GetRawText())!;
            var forged = JsonNode.Parse(chain[1].GetRawText())!;
            forged["index"] = tip["index"]!.GetValue<long>() + 1;
            forged["previousHash"] = tip["hash"]!.GetValue<string>();
            forged["timestamp"] = tip["timestamp"]!.DeepClone();
            forged["hash"] = "000" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(61, 'a'); // looks mined, covers nothing
            foreach (var message in forged["messages"]!.AsArray())
            {
                message!["id"] = Guid.NewGuid().ToString();
                message["text"] = "forged: " + message["text"]!.GetValue<string>();
            }

            using var response = await PostBlockAsync(forged);
            (status, body, mediaType) = (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
            return status != HttpStatusCode.OK;
        }, "a forged block on the tip to be answered");

        Assert.True(status == HttpStatusCode.UnprocessableEntity, $"{(int)status}: {body}");
        Assert.Equal(Api.ProblemJson, mediaType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement;
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal("Invalid block", problem.GetProperty("title").GetString());
        Assert.Contains("hash", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Announced_copy_of_a_chain_block_with_a_changed_message_is_rejected()
    {
        await fixture.EnsureMinedAsync();
        var forged = JsonNode.Parse((await Http.GetJsonAsync("blocks/1")).GetRawText())!;
        var message = forged["messages"]![0]!;
        message["text"] = message["text"]!.GetValue<string>() + " (changed)";

        using var response = await PostBlockAsync(forged);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Invalid block", problem.GetProperty("title").GetString());
        var stored = await Http.GetJsonAsync("blocks/1");
        Assert.DoesNotContain("(changed)", stored.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Announced_block_already_in_the_chain_is_ignored_with_the_announcement_answer()
    {
        await fixture.EnsureMinedAsync();
        var block = JsonNode.Parse((await Http.GetJsonAsync("blocks/1")).GetRawText())!;

        using var response = await PostBlockAsync(block);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await Api.ReadJsonAsync(response);
        Api.AssertProperties(answer, "status", "reason", "height");
        Assert.Equal("Ignored", answer.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("reason").GetString()));
        Assert.True(answer.GetProperty("height").GetInt64() >= 1);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"from\":\"http://127.0.0.1:9/\"}")]
    [InlineData("{\"block\":null}")]
    public async Task Announcement_without_a_block_is_a_bad_request(string json)
    {
        using var response = await PostRawAsync(json);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("No block", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Announcement_that_is_not_JSON_is_a_bad_request()
    {
        using var response = await PostRawAsync("{ this is not json ]]");

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, withDetail: false);
    }

    private Task<HttpResponseMessage> PostBlockAsync(JsonNode block) =>
        PostRawAsync(new JsonObject { ["block"] = block, ["from"] = null }.ToJsonString());

    private async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await Http.PostAsync("blocks", content);
    }
}
