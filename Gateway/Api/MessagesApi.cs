using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Gateway.Hosting;
using Orleans.Blockchain.Pool;
using Orleans.Blockchain.Proofs;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary>Messages in: <c>PUT /add</c>; what is pending: <c>GET /data</c>; where one stands: <c>GET /messages/{id}</c>;
/// a proof that it is in a block: <c>GET /messages/{id}/proof</c>.</summary>
public static class MessagesApi
{
    public const string AddPolicy = "add";

    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithTags("Messages");

        api.MapPut("/add", AddAsync)
            .WithName("AddMessage")
            .WithSummary("Adds a message to this miner's pool; it spreads to every miner and is mined into a block.")
            .WithDescription(
                "Example: PUT /add?message=hello%20world. The answer's id lets you follow the message at GET /messages/{id}. "
                + "A signed message adds &publicKey=HEX (Ed25519, 32 bytes)&signedAt=UNIX_MS&signature=HEX (64 bytes) over "
                + "\"orleans-blockchain message v1\" 0x00 ‖ public key ‖ signedAt (int64 big-endian) ‖ UTF-8 text (`blockchain add TEXT --sign KEYFILE`); "
                + "a bad signature is refused with 400 \"the signature does not verify\".")
            .RequireRateLimiting(AddPolicy);

        api.MapGet("/data", GetDataAsync)
            .WithName("GetData")
            .WithSummary("Lists the unprocessed messages, oldest first: accepted, not yet in a block of this miner's chain.")
            .WithDescription("One page: ?limit=N messages (default and most: Gateway:MaxDataPage, 1,000), ?after=ID those after message ID. "
                + "When more follow, the Link header names the next page (rel=\"next\"). A page starts from the oldest again "
                + "if message ID was mined meanwhile: a reader may see a message twice, never miss one.");

        api.MapGet("/messages/{id}", GetReceiptAsync)
            .WithName("GetMessage")
            .WithSummary("Where a message stands: pending, or in block h with n confirmations.");

        api.MapGet("/messages/{id}/proof", GetProofAsync)
            .WithName("GetMessageProof")
            .WithSummary("A self-contained proof that a message is in a block: check it offline with `blockchain verify`.")
            .WithDescription(
                "The message, its leaf index among the block's leafCount messages, the RFC 6962 audit path (hex, lowest first) from "
                + "its leaf to the block's messages root, every header field from the message's block (headers[0]) to the tip "
                + "(last), the genesis hash and the difficulty. 404 for an unknown id; 409 with the receipt while it is pending.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <remarks>The message is read from the raw query so that invalid UTF-8 is refused, never replaced.</remarks>
    private static async Task<Results<Ok<AddResponse>, ProblemHttpResult>> AddAsync(
        HttpRequest request, MessageBatcher batcher, IOptions<GatewayOptions> options, TimeProvider clock)
    {
        if (!StrictQuery.TryGet(request, "message", out var text))
        {
            return NotAdded("The message is not valid UTF-8.");
        }

        text ??= ""; // absent is empty
        if (MessageText.Problem(text, options.Value.MaxMessageLength) is { } problem)
        {
            return NotAdded($"Give the message as ?message=TEXT: {problem}.");
        }

        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        if (!SignedMessage.TryReadAuthor(request.Query, text, now, out var author, out var refusal))
        {
            return NotAdded(refusal);
        }

        var message = Message.Create(text, now, author);
        PoolAddResult result;
        try
        {
            result = await batcher.AddAsync(message, request.HttpContext.RequestAborted);
        }
        catch (StorageUnavailableException)
        {
            // Almost always not stored; but a write that timed out may have landed, so the answer names the id to check
            // (GET /messages/{id}: unknown means send it again) instead of inviting a blind retry that could record it twice.
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(
                title: "The miner's storage is unavailable",
                detail: $"The message could not be stored for sure. Once the miner answers again, GET /messages/{message.Id}: if it is unknown, send the message again.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                extensions: new Dictionary<string, object?> { ["id"] = message.Id });
        }

        return result switch
        {
            // Duplicate: the same text in the same millisecond is the same message, already accepted.
            PoolAddResult.Added or PoolAddResult.Duplicate => TypedResults.Ok(new AddResponse(AddResponse.Added, $"/messages/{message.Id}", message.Id)),
            // Like every 503 of this endpoint, it names the id: a client that retries can ask GET /messages/{id} first.
            PoolAddResult.Full => TypedResults.Problem(
                title: AddResponse.NotAdded, detail: "The pool of unprocessed messages is full; try again once blocks are mined.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                extensions: new Dictionary<string, object?> { ["message"] = AddResponse.NotAdded, ["id"] = message.Id }),
            _ => NotAdded("The miner refused the message."),
        };
    }

    /// <remarks>Paged so that no answer, and no Orleans message behind it, grows with the pool.</remarks>
    private static async Task<Results<Ok<ImmutableArray<Message>>, ProblemHttpResult>> GetDataAsync(
        HttpResponse response, IClusterClient cluster, IOptions<GatewayOptions> options, Guid? after = null, int? limit = null)
    {
        if (limit < 1)
        {
            return TypedResults.Problem(title: "Invalid limit", detail: "limit must be 1 or more.", statusCode: StatusCodes.Status400BadRequest);
        }

        var size = Math.Min(limit ?? int.MaxValue, options.Value.MaxDataPage);
        var page = await cluster.GetGrain<IDataPoolGrain>(0).GetPageAsync(after, size + 1);
        if (page.Length > size)
        {
            page = page[..size];
            response.Headers.Link = $"</data?after={page[^1].Id}&limit={size}>; rel=\"next\"";
        }

        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<MessageReceipt>, ProblemHttpResult>> GetReceiptAsync(string id, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var messageId))
        {
            return TypedResults.Problem(title: "Not a message id", detail: $"'{id}' is not a GUID.", statusCode: StatusCodes.Status400BadRequest);
        }

        var receipt = await cluster.GetGrain<IChainGrain>(0).GetReceiptAsync(messageId);
        return receipt.Status == MessageStatus.Unknown
            ? TypedResults.Problem(title: "Unknown message", detail: $"This miner has never seen message {messageId}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(receipt);
    }

    private static async Task<Results<Ok<MessageProof>, ProblemHttpResult>> GetProofAsync(string id, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var messageId))
        {
            return TypedResults.Problem(title: "Not a message id", detail: $"'{id}' is not a GUID.", statusCode: StatusCodes.Status400BadRequest);
        }

        var chain = cluster.GetGrain<IChainGrain>(0);
        if (await chain.GetProofAsync(messageId) is { } proof)
        {
            return TypedResults.Ok(proof);
        }

        // Not in a block: pending or unknown (or mined in between: the receipt says so, and a retry gets the proof).
        var receipt = await chain.GetReceiptAsync(messageId);
        return receipt.Status == MessageStatus.Unknown
            ? TypedResults.Problem(title: "Unknown message", detail: $"This miner has never seen message {messageId}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Problem(
                title: "Not in a block yet", detail: $"Message {messageId} is {receipt.Status}: a proof exists once it is mined into a block.",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["receipt"] = receipt });
    }

    // The seed answered {"message": "No Message added!"}: problem details carry that member too.
    private static ProblemHttpResult NotAdded(string detail) =>
        TypedResults.Problem(title: AddResponse.NotAdded, detail: detail, statusCode: StatusCodes.Status400BadRequest, extensions: Seed(AddResponse.NotAdded));

    private static Dictionary<string, object?> Seed(string message) => new() { ["message"] = message };
}
