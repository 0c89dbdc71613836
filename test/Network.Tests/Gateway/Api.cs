using System.Net;
using System.Text.Json;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary>Raw HTTP helpers: the tests check the JSON as sent, since field names are a contract.</summary>
internal static class Api
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>A request whose path and query are sent exactly as written (no unescaping or re-escaping).</summary>
    public static HttpRequestMessage Raw(HttpMethod method, Uri gateway, string pathAndQuery) =>
        new(method, new Uri(gateway + pathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));

    /// <summary>GET that must succeed with JSON; returns the body.</summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status and an RFC 9457 problem body (<c>type</c>, <c>title</c>, <c>status</c> and,
    /// unless <paramref name="withDetail"/> is false, <c>detail</c>); returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, bool withDetail = true)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal(JsonValueKind.Object, problem.ValueKind);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("type", out var type) && !string.IsNullOrWhiteSpace(type.GetString()), $"no type in {body}");
        Assert.True(problem.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString()), $"no title in {body}");
        if (withDetail)
        {
            Assert.True(problem.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString()), $"no detail in {body}");
        }

        return problem;
    }

    /// <summary>Asserts that the object has exactly these properties (case-sensitive).</summary>
    public static void AssertProperties(JsonElement element, params string[] names)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(names.Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>Asserts the shape of a block as <c>/chain</c> and <c>/blocks/{id}</c> send it.</summary>
    public static void AssertBlockShape(JsonElement block)
    {
        AssertProperties(block, "index", "timestamp", "messages", "previousHash", "difficulty", "nonce", "hash");
        Assert.Matches("^[0-9a-f]{64}$", block.GetProperty("hash").GetString());
        Assert.Matches("^[0-9a-f]{64}$", block.GetProperty("previousHash").GetString());
        foreach (var message in block.GetProperty("messages").EnumerateArray())
        {
            AssertMessageShape(message);
        }
    }

    /// <summary>Asserts the shape of a message: id, text and acceptedAt, and for a signed message its author.</summary>
    public static void AssertMessageShape(JsonElement message)
    {
        if (message.TryGetProperty("author", out var author))
        {
            AssertProperties(message, "id", "text", "acceptedAt", "author");
            AssertProperties(author, "publicKey", "signedAt", "signature");
            Assert.Matches("^[0-9a-f]{64}$", author.GetProperty("publicKey").GetString());
            Assert.Matches("^[0-9a-f]{128}$", author.GetProperty("signature").GetString());
        }
        else
        {
            AssertProperties(message, "id", "text", "acceptedAt");
        }

        Assert.True(Guid.TryParse(message.GetProperty("id").GetString(), out _));
    }

    /// <summary>Every message of a <c>GET /chain</c> answer, with the index of its block.</summary>
    public static IEnumerable<(long Index, JsonElement Message)> Messages(JsonElement chainResponse) =>
        chainResponse.GetProperty("chain").EnumerateArray()
            .SelectMany(b => b.GetProperty("messages").EnumerateArray().Select(m => (b.GetProperty("index").GetInt64(), m)));
}
