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
/// anything a peer answers is parsed strictly and validated by the caller before use.</summary>
public sealed class PeerClient(HttpClient http, MinerMetrics metrics)
{
    public async Task<StatusResponse> GetStatusAsync(Uri peer, CancellationToken cancellation) =>
        await GetAsync<StatusResponse>(peer, "status", cancellation);

    /// <summary>One page of the peer's chain from a height: at most <paramref name="limit"/> blocks, fewer when the
    /// peer's page is full by bytes (see <see cref="ChainResponse.MaxPageBytes"/>).</summary>
    public async Task<ImmutableArray<Block>> GetBlocksAsync(Uri peer, long fromHeight, int limit, CancellationToken cancellation)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"chain?from={fromHeight}&limit={limit}");
        var response = await GetAsync<ChainResponse>(peer, query, cancellation);
        return response.Chain.IsDefault ? [] : response.Chain;
    }

    public async Task<ImmutableArray<string>> GetNeighboursAsync(Uri peer, CancellationToken cancellation)
    {
        var response = await GetAsync<NeighboursResponse>(peer, "neighbours", cancellation);
        return response.Neighbours.IsDefault ? [] : response.Neighbours;
    }

    public async Task<ImmutableArray<Message>> GetDataAsync(Uri peer, CancellationToken cancellation)
    {
        var messages = await GetAsync<ImmutableArray<Message>>(peer, "data", cancellation);
        return messages.IsDefault ? [] : messages;
    }

    /// <summary>Tells a peer where to reach us; a full neighbour list answers 409, which is not a failure.</summary>
    public async Task RegisterAsync(Uri peer, Uri self, CancellationToken cancellation)
    {
        using var response = await http.PostAsJsonAsync(new Uri(peer, "neighbours"), new NeighbourRequest(self.ToString()), PeerJson.Options, cancellation);
        if (response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task AnnounceAsync(Uri peer, Block block, Uri? self, CancellationToken cancellation)
    {
        using var response = await http.PostAsJsonAsync(new Uri(peer, "blocks"), new BlockAnnouncement(block, self?.ToString()), PeerJson.Options, cancellation);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Reads the whole answer (within the client's size cap), counts its bytes, then parses it.</summary>
    private async Task<T> GetAsync<T>(Uri peer, string path, CancellationToken cancellation)
    {
        var body = await http.GetByteArrayAsync(new Uri(peer, path), cancellation);
        metrics.RecordPeerAnswer(path.Split('?')[0], body.Length);
        return JsonSerializer.Deserialize<T>(body, PeerJson.Options) ?? throw new InvalidDataException($"{peer} answered {path} with null");
    }
}
