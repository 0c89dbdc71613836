using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary><c>GET /chain</c> without a limit: the whole chain in the shape of <see cref="ChainResponse"/>, written
/// page by page as the chain grain hands the pages out, so neither the gateway nor one Orleans message ever holds the
/// whole chain. Should the chain reorganise between two pages, the answer is cut off (the connection aborted) rather
/// than ending with blocks of two chains: a client sees a failed download, never a mixed chain.</summary>
public sealed class ChainStream(IChainGrain chain, long from) : IResult, IEndpointMetadataProvider
{
    private const int PageBlocks = 500;

    public async Task ExecuteAsync(HttpContext context)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.ContentType = "application/json; charset=utf-8";
        // Over the body's PipeWriter: the serializer's own flushes only hand bytes to the pipe (no synchronous I/O).
        var body = context.Response.BodyWriter;
        // With the serializer's encoder, so a block reads here exactly as in GET /blocks/{id} and a paged GET /chain.
        await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = json.Encoder });
        writer.WriteStartObject();
        writer.WriteStartArray(json.PropertyNamingPolicy?.ConvertName(nameof(ChainResponse.Chain)) ?? nameof(ChainResponse.Chain));
        var (next, count, previousHash) = (from, 0, (string?)null);
        while (true)
        {
            var page = await chain.GetBlocksAsync(next, PageBlocks);
            if (page.IsEmpty)
            {
                break;
            }

            if (previousHash is not null && page[0].PreviousHash != previousHash)
            {
                context.Abort();
                return;
            }

            foreach (var block in page)
            {
                JsonSerializer.Serialize(writer, block, json);
            }

            (next, count, previousHash) = (next + page.Length, count + page.Length, page[^1].Hash);
            await writer.FlushAsync(context.RequestAborted);
            await body.FlushAsync(context.RequestAborted);
        }

        writer.WriteEndArray();
        writer.WriteNumber(json.PropertyNamingPolicy?.ConvertName(nameof(ChainResponse.Length)) ?? nameof(ChainResponse.Length), count);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
        await body.FlushAsync(context.RequestAborted);
    }

    /// <summary>OpenAPI documents the answer as a <see cref="ChainResponse"/>.</summary>
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ChainResponse), ["application/json"]));
}
