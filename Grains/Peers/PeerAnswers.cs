using System.Collections.Immutable;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Peers;

/// <summary>The shape every peer answer must have before anything uses it: JSON can leave out anything and make any
/// string megabytes long. A malformed answer is an error with a short message that never repeats the peer's text.</summary>
public static class PeerAnswers
{
    /// <summary>Peer URLs taken from one gossip answer, at most.</summary>
    public const int MaxGossipedUrls = 100;

    public static StatusResponse CheckStatus(Uri peer, StatusResponse? status) => status switch
    {
        null => throw Malformed(peer, "status", "no status"),
        { GenesisHash: var genesis } when !ChainValidator.IsHash(genesis) => throw Malformed(peer, "status", $"genesis hash {Describe(genesis)}"),
        { TipHash: var tip } when !ChainValidator.IsHash(tip) => throw Malformed(peer, "status", $"tip hash {Describe(tip)}"),
        { Length: < 1 } => throw Malformed(peer, "status", $"chain length {status.Length}"),
        _ => status,
    };

    /// <summary>The strings of a gossip answer that can be peer URLs: not null, not longer than any base URL, at most
    /// <see cref="MaxGossipedUrls"/>. Each is still normalised (and most refused) by <see cref="PeerUrl"/> before use.</summary>
    public static ImmutableArray<string> CheckNeighbours(ImmutableArray<string> urls) =>
        urls.IsDefault ? [] : [.. urls.Where(u => u is { Length: > 0 and <= PeerUrl.MaxLength }).Take(MaxGossipedUrls)];

    /// <summary>The first <paramref name="limit"/> messages of a pool answer, each with an id and a text.</summary>
    public static ImmutableArray<Message> CheckMessages(Uri peer, ImmutableArray<Message> messages, int limit)
    {
        if (messages.IsDefault)
        {
            return [];
        }

        var taken = messages.Length <= limit ? messages : messages[..limit];
        return taken.Any(m => m is null || m.Text is null) ? throw Malformed(peer, "data", "a message without text") : taken;
    }

    private static string Describe(string? value) => value is null ? "missing" : $"of {value.Length:N0} characters, not 64 hex digits";

    private static InvalidDataException Malformed(Uri peer, string path, string what) =>
        new($"{peer} answered {path} with a malformed value: {what}");
}
