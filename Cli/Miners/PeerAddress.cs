using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary>A peer given on the command line: the seed's <c>host:port</c>, or a gateway URL.</summary>
internal static class PeerAddress
{
    public static Uri Parse(string text)
    {
        var trimmed = text.Trim();
        var url = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : $"http://{trimmed}";
        return PeerUrl.TryNormalise(url, out var peer)
            ? peer
            : throw new CommandException($"'{text}' is not a peer address; give host:port (e.g. 127.0.0.1:5001) or a URL (http://127.0.0.1:5001)");
    }

    /// <summary>A comma-separated list, e.g. <c>127.0.0.1:5001,127.0.0.1:5002</c>.</summary>
    public static IReadOnlyList<Uri> ParseList(string? list) =>
        [.. (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];
}
