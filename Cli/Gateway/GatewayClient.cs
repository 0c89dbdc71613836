using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Proofs;

namespace Orleans.Blockchain.Cli.Gateway;

/// <summary>The REST API of one miner's gateway. Every failure (unreachable, too slow, an error answer,
/// an answer that is not the expected JSON) becomes a <see cref="CommandException"/> with one readable line.</summary>
internal sealed class GatewayClient(Uri address, TimeSpan timeout) : IDisposable
{
    public const string AdminKeyHeader = "X-Admin-Key";

    // One client per command run: a CLI process is short-lived, so there is no pool to share or to exhaust.
    private readonly HttpClient _http = new() { BaseAddress = address, Timeout = timeout };

    public Uri Address => address;

    public Task<AddResponse> AddAsync(string text, CancellationToken cancellation) => AddAsync(text, null, cancellation);

    /// <summary>Adds a message, signed when <paramref name="author"/> is given.</summary>
    public Task<AddResponse> AddAsync(string text, MessageAuthor? author, CancellationToken cancellation)
    {
        var signed = author is null ? "" : $"&publicKey={author.PublicKey}&signedAt={author.SignedAt.ToUnixTimeMilliseconds()}&signature={author.Signature}";
        return SendAsync<AddResponse>(new(HttpMethod.Put, $"add?message={Uri.EscapeDataString(text)}{signed}"), cancellation);
    }

    public Task<ChainResponse> GetChainAsync(long from, CancellationToken cancellation) =>
        GetAsync<ChainResponse>(from > 0 ? $"chain?from={from}" : "chain", cancellation);

    /// <summary>At most <paramref name="limit"/> blocks from height <paramref name="from"/> on.</summary>
    public Task<ChainResponse> GetChainAsync(long from, int limit, CancellationToken cancellation) =>
        GetAsync<ChainResponse>($"chain?from={from}&limit={limit}", cancellation);

    public Task<NeighboursResponse> GetNeighboursAsync(CancellationToken cancellation) => GetAsync<NeighboursResponse>("neighbours", cancellation);

    public Task<ImmutableArray<Message>> GetDataAsync(CancellationToken cancellation) => GetAsync<ImmutableArray<Message>>("data", cancellation);

    public Task<StatusResponse> GetStatusAsync(CancellationToken cancellation) => GetAsync<StatusResponse>("status", cancellation);

    public Task<Block> GetBlockAsync(string heightOrHash, CancellationToken cancellation) =>
        GetAsync<Block>($"blocks/{Uri.EscapeDataString(heightOrHash)}", cancellation);

    public Task<MessageReceipt> GetReceiptAsync(Guid id, CancellationToken cancellation) => GetAsync<MessageReceipt>($"messages/{id}", cancellation);

    public Task<MessageProof> GetProofAsync(Guid id, CancellationToken cancellation) => GetAsync<MessageProof>($"messages/{id}/proof", cancellation);

    /// <summary>The health report; 503 (not ready) is an answer here, not an error.</summary>
    public async Task<HealthAnswer> GetHealthAsync(CancellationToken cancellation)
    {
        using var response = await SendRawAsync(new(HttpMethod.Get, "health"), cancellation);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable))
        {
            throw await ErrorAsync(response, cancellation);
        }

        var report = await ReadAsync<HealthReport>(response, cancellation);
        return new HealthAnswer(response.IsSuccessStatusCode, report);
    }

    /// <summary>Registers a peer; false when the miner knew it already.</summary>
    public async Task<(string Url, bool Added)> AddNeighbourAsync(string url, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "neighbours") { Content = JsonContent.Create(new NeighbourRequest(url), options: GatewayJson.Options) };
        using var response = await SendRawAsync(request, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellation);
        }

        var accepted = await ReadAsync<NeighbourRequest>(response, cancellation);
        return (accepted.Url, response.StatusCode == HttpStatusCode.Created);
    }

    public async Task RemoveNeighbourAsync(string url, string adminKey, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"neighbours?url={Uri.EscapeDataString(url)}");
        await SendAdminAsync(request, adminKey, cancellation);
    }

    public Task<ImmutableArray<TipResponse>> GetTipsAsync(CancellationToken cancellation) => GetAsync<ImmutableArray<TipResponse>>("tips", cancellation);

    /// <summary>Stages a partition: the miner ignores these peers until <see cref="HealPartitionAsync"/>.</summary>
    public async Task SetPartitionAsync(IEnumerable<Uri> cutOff, string adminKey, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "admin/partition")
        {
            Content = JsonContent.Create(new PartitionRequest([.. cutOff.Select(u => u.ToString())]), options: GatewayJson.Options),
        };
        await SendAdminAsync(request, adminKey, cancellation);
    }

    public async Task HealPartitionAsync(string adminKey, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "admin/partition");
        await SendAdminAsync(request, adminKey, cancellation);
    }

    public void Dispose() => _http.Dispose();

    private async Task SendAdminAsync(HttpRequestMessage request, string adminKey, CancellationToken cancellation)
    {
        request.Headers.Add(AdminKeyHeader, adminKey);
        using var response = await SendRawAsync(request, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellation);
        }
    }

    private Task<T> GetAsync<T>(string path, CancellationToken cancellation) => SendAsync<T>(new(HttpMethod.Get, path), cancellation);

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellation)
    {
        using (request)
        {
            using var response = await SendRawAsync(request, cancellation);
            return response.IsSuccessStatusCode ? await ReadAsync<T>(response, cancellation) : throw await ErrorAsync(response, cancellation);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellation)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new CommandException($"cannot reach the gateway at {address}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new CommandException($"the gateway at {address} did not answer within {timeout.TotalSeconds:0.#} s", e);
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellation)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(GatewayJson.Options, cancellation)
                ?? throw new JsonException("the answer is empty");
        }
        catch (JsonException e)
        {
            throw new CommandException($"the gateway at {address} answered {response.RequestMessage?.RequestUri?.AbsolutePath} with unexpected content: {e.Message}", e);
        }
    }

    /// <summary>One line from an error answer: its status and, when it is problem details, its title and detail.</summary>
    private async Task<CommandException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<Problem>(GatewayJson.Options, cancellation);
            var what = string.Join(": ", new[] { problem?.Title, problem?.Detail }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new CommandException($"the gateway at {address} answered {status}{(what.Length > 0 ? $": {what}" : "")}");
        }
        catch (JsonException)
        {
            return new CommandException($"the gateway at {address} answered {status}");
        }
    }

    /// <summary>RFC 7807 problem details, as far as a one-line error needs them.</summary>
    private sealed record Problem(string? Title, string? Detail);
}
