using System.Net;
using System.Text.Json;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary>The OpenAPI document, the Swagger UI, and problem details for requests no endpoint takes.</summary>
[Collection(GatewayCollection.Name)]
public sealed class DocsAndErrorsTests(GatewayFixture fixture)
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private HttpClient Http => fixture.Http;

    [Theory]
    [InlineData("nope")]
    [InlineData("chain/extra")]
    [InlineData("messages")]
    [InlineData("dashboard/")] // off by default (Miner:Dashboard)
    public async Task Unknown_route_is_not_found_with_a_problem_body(string path)
    {
        using var response = await Http.GetAsync(path);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.NotFound, withDetail: false);
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Wrong_method_on_a_known_route_is_a_problem_not_a_success()
    {
        using var response = await Http.DeleteAsync("chain");

        await Api.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, withDetail: false);
    }

    [Fact]
    public async Task Swagger_UI_is_served()
    {
        using var response = await Http.GetAsync("swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("swagger-ui", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OpenAPI_document_describes_every_endpoint_with_a_summary_and_tags()
    {
        var document = await Http.GetJsonAsync("swagger/v1/swagger.json");

        Assert.Equal("Orleans.Blockchain miner", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        string[] expected = ["/add", "/chain", "/neighbours", "/data", "/status", "/health", "/messages/{id}", "/blocks/{id}", "/blocks"];
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => HttpMethods.Contains(o.Name)))
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.True(operation.Value.TryGetProperty("summary", out var summary) && !string.IsNullOrWhiteSpace(summary.GetString()), $"{where} has no summary");
                Assert.True(operation.Value.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0, $"{where} has no tags");
                Assert.All(tags.EnumerateArray(), tag => Assert.False(string.IsNullOrWhiteSpace(tag.GetString())));
            }
        }

        var documented = paths.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(expected, path => Assert.Contains(path, documented));
        Assert.Equal(new[] { "put" }, Methods(paths, "/add"));
        Assert.Equal(new[] { "delete", "get", "post" }, Methods(paths, "/neighbours"));
        Assert.Equal(new[] { "post" }, Methods(paths, "/blocks"));
        Assert.Equal(new[] { "get" }, Methods(paths, "/health"));
    }

    private static List<string> Methods(JsonElement paths, string path) =>
        [.. paths.GetProperty(path).EnumerateObject().Select(o => o.Name).Where(HttpMethods.Contains).Order(StringComparer.Ordinal)];
}
