using System.Net;
using System.Text.Json;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary><c>PUT /add</c>, <c>GET /data</c> and <c>GET /messages/{id}</c> over real HTTP.</summary>
[Collection(GatewayCollection.Name)]
public sealed class MessagesApiTests(GatewayFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Added_message_is_answered_with_its_id_and_ends_in_a_block_with_a_receipt()
    {
        using var response = await Http.PutAsync("add?message=hello", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await Api.ReadJsonAsync(response);
        Api.AssertProperties(body, "message", "more_information", "id");
        Assert.Equal("Message added!", body.GetProperty("message").GetString());
        var id = Guid.Parse(body.GetProperty("id").GetString()!);
        Assert.Equal($"/messages/{id}", body.GetProperty("more_information").GetString());

        var (index, message) = await WaitInChainAsync(id);
        Assert.True(index >= 1);
        Assert.Equal("hello", message.GetProperty("text").GetString());

        using var receiptResponse = await Http.GetAsync(body.GetProperty("more_information").GetString());
        Assert.Equal(HttpStatusCode.OK, receiptResponse.StatusCode);
        var receipt = await Api.ReadJsonAsync(receiptResponse);
        Api.AssertProperties(receipt, "id", "status", "height", "blockHash", "confirmations");
        Assert.Equal(id, receipt.GetProperty("id").GetGuid());
        Assert.Equal("InBlock", receipt.GetProperty("status").GetString());
        Assert.Equal(index, receipt.GetProperty("height").GetInt64());
        Assert.True(receipt.GetProperty("confirmations").GetInt64() >= 1);
        var block = await Http.GetJsonAsync($"blocks/{index}");
        Assert.Equal(block.GetProperty("hash").GetString(), receipt.GetProperty("blockHash").GetString());
    }

    [Theory]
    [InlineData("add")]
    [InlineData("add?message")]
    [InlineData("add?message=")]
    [InlineData("add?message=%20%20%20")]
    [InlineData("add?message=+++")]
    [InlineData("add?message=%09%0A")]
    [InlineData("add?text=hello")]
    public async Task Missing_empty_or_blank_message_is_refused_with_the_seeds_answer(string pathAndQuery)
    {
        using var request = Api.Raw(HttpMethod.Put, fixture.Miner.Url, pathAndQuery);
        using var response = await Http.SendAsync(request);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("No Message added!", problem.GetProperty("message").GetString());
        Assert.Equal("No Message added!", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Message_longer_than_the_maximum_is_refused_and_one_at_the_maximum_is_accepted()
    {
        using var tooLong = await Http.PutAsync($"add?message={new string('a', 1001)}", null);
        var problem = await Api.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.Equal("No Message added!", problem.GetProperty("message").GetString());
        Assert.Contains("1001", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Multi-byte characters count once each (UTF-16 units: 'é' is one), so 1,000 of them still fit.
        using var atMaximum = await Http.PutAsync($"add?message={Uri.EscapeDataString(new string('é', 1000))}", null);
        Assert.Equal(HttpStatusCode.OK, atMaximum.StatusCode);
        Assert.Equal("Message added!", (await Api.ReadJsonAsync(atMaximum)).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("%C3%28")] // a lead byte followed by a non-continuation byte
    [InlineData("%FF")] // never valid in UTF-8
    [InlineData("hello%C3")] // truncated sequence at the end
    [InlineData("%C0%AF")] // overlong encoding of '/'
    [InlineData("%ED%A0%80")] // an encoded UTF-16 surrogate
    public async Task Message_that_is_not_valid_UTF8_is_refused_not_replaced(string encoded)
    {
        using var request = Api.Raw(HttpMethod.Put, fixture.Miner.Url, $"add?message={encoded}");
        using var response = await Http.SendAsync(request);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("No Message added!", problem.GetProperty("message").GetString());
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%00", "U+0000")] // NUL
    [InlineData("red%1B%5B31m", "U+001B")] // a terminal escape
    [InlineData("abc%E2%80%AEdef", "U+202E")] // a bidi override
    [InlineData("%E2%80%8B%E2%80%8B", "U+200B")] // zero-width spaces only
    [InlineData("a%7Fb", "U+007F")] // DEL
    [InlineData("%C2%A0%E2%80%83", "no visible character")] // a no-break space and an em space
    public async Task Message_with_control_or_format_characters_or_nothing_visible_is_refused_with_the_reason(string encoded, string reason)
    {
        using var request = Api.Raw(HttpMethod.Put, fixture.Miner.Url, $"add?message={encoded}");
        using var response = await Http.SendAsync(request);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("No Message added!", problem.GetProperty("message").GetString());
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("héllo 世界 🎉")]
    [InlineData("a+b & c=d %41 ?#/")]
    [InlineData("two lines\nand\ta tab")]
    public async Task Valid_message_round_trips_exactly_into_the_chain(string text)
    {
        using var response = await Http.PutAsync($"add?message={Uri.EscapeDataString(text)}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await Api.ReadJsonAsync(response)).GetProperty("id").GetGuid();

        var (index, message) = await WaitInChainAsync(id);

        Assert.Equal(text, message.GetProperty("text").GetString());
        // The whole chain and the single block are written with one encoder: the same block reads byte for byte alike.
        var inChain = (await Http.GetJsonAsync($"chain?from={index}&limit=1")).GetProperty("chain")[0].GetRawText();
        var streamed = (await Http.GetJsonAsync("chain")).GetProperty("chain")[(int)index].GetRawText();
        var single = (await Http.GetJsonAsync($"blocks/{index}")).GetRawText();
        Assert.Equal(single, inChain);
        Assert.Equal(single, streamed);
    }

    [Fact]
    public async Task Concurrent_adds_go_to_the_pool_together_and_each_is_answered_for_itself()
    {
        // Well within the per-client limit of the fixture (50 adds a second), so that no add is refused as too many.
        var texts = Enumerable.Range(0, 16).Select(i => $"concurrent {i} {Guid.NewGuid():N}").ToList();

        var ids = await Task.WhenAll(texts.Select(fixture.Miner.AddAsync));

        Assert.Equal(texts.Count, ids.Distinct().Count());
        foreach (var id in ids)
        {
            // Each answer names its own message, and the miner knows it (pending or already in a block).
            Assert.Equal(id, (await fixture.Miner.GetReceiptAsync(id))?.Id);
        }

        var (_, first) = await WaitInChainAsync(ids[0]);
        Assert.Equal(texts[0], first.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Data_lists_pending_messages_as_a_JSON_array()
    {
        var id = await fixture.Miner.AddAsync("pending, for a moment");

        using var response = await Http.GetAsync("data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var data = await Api.ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.Array, data.ValueKind);
        foreach (var message in data.EnumerateArray())
        {
            Api.AssertMessageShape(message);
        }

        // Either still pending (then listed) or already mined (then the receipt says so).
        var listed = data.EnumerateArray().Any(m => m.GetProperty("id").GetGuid() == id);
        Assert.True(listed || (await fixture.Miner.GetReceiptAsync(id))?.Status == Chain.MessageStatus.InBlock);

        // Once mined it leaves the pool.
        await WaitInChainAsync(id);
        var after = await Http.GetJsonAsync("data");
        Assert.DoesNotContain(after.EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("123")]
    public async Task Receipt_of_something_that_is_not_a_GUID_is_a_bad_request(string id)
    {
        using var response = await Http.GetAsync($"messages/{id}");

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Not a message id", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Receipt_of_an_unknown_message_is_not_found()
    {
        using var response = await Http.GetAsync($"messages/{Guid.NewGuid()}");

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Unknown message", problem.GetProperty("title").GetString());
    }

    /// <summary>Polls <c>GET /chain</c> until the message is in a block; returns the block's index and the message.</summary>
    private async Task<(long Index, JsonElement Message)> WaitInChainAsync(Guid id)
    {
        (long, JsonElement)? found = null;
        await Poll.UntilAsync(async () =>
        {
            var chain = await Http.GetJsonAsync("chain");
            var matches = Api.Messages(chain).Where(m => m.Message.GetProperty("id").GetGuid() == id).ToList();
            Assert.True(matches.Count <= 1, $"message {id} is in the chain {matches.Count} times");
            found = matches.Count == 1 ? matches[0] : null;
            return found is not null;
        }, $"message {id} to be in the chain");
        return found!.Value;
    }
}
