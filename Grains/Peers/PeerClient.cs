using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Observability;

namespace Orleans.Blockchain.Peers;

/// <summary>Talks to a peer's gateway over the same REST API users call. Timeouts, retries and a
/// response-size cap come from the HttpClient it is given (see <see cref="PeerServiceCollectionExtensions"/>);
/// every answer is checked for shape here (<see cref="PeerAnswers"/>) and validated by the caller before use, and
/// every error it throws has a short, one-line message, so no caller can log what a peer chose to send.</summary>
public sealed class PeerClient(HttpClient http, MinerMetrics metrics)
{
    public async Task<StatusResponse> GetStatusAsync(Uri peer, CancellationToken cancellation) =>
        PeerAnswers.CheckStatus(peer, await GetAsync<StatusResponse>(peer, "status", cancellation));

    /// <summary>One page of the peer's chain from a height: at most <paramref name="limit"/> blocks, fewer when the
    /// peer's page is full by bytes (see <see cref="ChainResponse.MaxPageBytes"/>).</summary>
    public async Task<ImmutableArray<Block>> GetBlocksAsync(Uri peer, long fromHeight, int limit, CancellationToken cancellation)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"chain?from={fromHeight}&limit={limit}");
        var response = await GetAsync<ChainResponse>(peer, query, cancellation);
        return response.Chain.IsDefault ? [] : response.Chain.Length <= limit ? response.Chain : response.Chain[..limit];
    }

    /// <summary>The peer URLs a peer knows, at most <see cref="PeerAnswers.MaxGossipedUrls"/> of them.</summary>
    public async Task<ImmutableArray<string>> GetNeighboursAsync(Uri peer, CancellationToken cancellation)
    {
        var response = await GetAsync<NeighboursResponse>(peer, "neighbours", cancellation);
        return PeerAnswers.CheckNeighbours(response.Neighbours);
    }

    /// <summary>The oldest <paramref name="limit"/> messages of the peer's pool; more are never used, whatever it sends.</summary>
    public async Task<ImmutableArray<Message>> GetDataAsync(Uri peer, int limit, CancellationToken cancellation)
    {
        var messages = await GetAsync<ImmutableArray<Message>>(peer, string.Create(CultureInfo.InvariantCulture, $"data?limit={limit}"), cancellation);
        return PeerAnswers.CheckMessages(peer, messages, limit);
    }

    /// <summary>Tells a peer where to reach us; a full neighbour list (409) or a rate limit (429) is not a failure.</summary>
    public Task RegisterAsync(Uri peer, Uri self, CancellationToken cancellation) => CallAsync(peer, "neighbours", async () =>
    {
        using var response = await http.PostAsJsonAsync(new Uri(peer, "neighbours"), new NeighbourRequest(self.ToString()), PeerJson.Options, cancellation);
        if (response.StatusCode is not (System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.TooManyRequests))
        {
            response.EnsureSuccessStatusCode();
        }

        return true;
    });

    public Task AnnounceAsync(Uri peer, Block block, Uri? self, CancellationToken cancellation) => CallAsync(peer, "blocks", async () =>
    {
        using var response = await http.PostAsJsonAsync(new Uri(peer, "blocks"), new BlockAnnouncement(block, self?.ToString()), PeerJson.Options, cancellation);
        response.EnsureSuccessStatusCode();
        return true;
    });

    /// <summary>Reads the whole answer (within the client's size cap), counts its bytes, then parses it.</summary>
    private Task<T> GetAsync<T>(Uri peer, string path, CancellationToken cancellation) => CallAsync(peer, path, async () =>
    {
        var body = await http.GetByteArrayAsync(new Uri(peer, path), cancellation);
        metrics.RecordPeerAnswer(path.Split('?')[0], body.Length);
        return JsonSerializer.Deserialize<T>(body, PeerJson.Options) ?? throw new InvalidDataException($"{peer} answered {path} with null");
    });

    /// <summary>An HTTP error's message holds the peer's reason phrase, which the peer chooses: it is cut to one short line.</summary>
    private static async Task<T> CallAsync<T>(Uri peer, string path, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException e) when (e.Message.Length > PeerText.MaxLength || e.Message.Contains('\n', StringComparison.Ordinal))
        {
            throw new HttpRequestException($"{path.Split('?')[0]} of {peer}: {PeerText.ForLog(e.Message)}", e.InnerException, e.StatusCode);
        }
    }
}
