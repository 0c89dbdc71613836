namespace Orleans.Blockchain.Peers;

/// <summary>The one accepted form of a peer address: a base URL, scheme (http or https), host and port and nothing
/// else (no path, query, fragment or user info), normalised to <c>scheme://host:port/</c> so that the same peer is never
/// listed twice. A path is refused rather than dropped: the miner only ever calls its own API paths on a peer, so an
/// address cannot make it request a path someone else chose.</summary>
public static class PeerUrl
{
    /// <summary>Longest address accepted, in characters: a host name is at most 253.</summary>
    public const int MaxLength = 300;

    public static bool TryNormalise(string? text, out Uri url) => Problem(text, out url) is null;

    /// <summary>Why <paramref name="text"/> is not a peer address, or null with the normalised <paramref name="url"/>.</summary>
    public static string? Problem(string? text, out Uri url)
    {
        url = null!;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return $"a peer address is a base URL of at most {MaxLength} characters, e.g. http://127.0.0.1:5001/";
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || string.IsNullOrEmpty(parsed.Host))
        {
            return "it is not an absolute http(s) URL with a host";
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo) || !string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment) || parsed.AbsolutePath != "/")
        {
            return "it is not a base URL: give scheme, host and port only, with no path, query, fragment or user info";
        }

        url = new UriBuilder(parsed.Scheme, parsed.Host.ToLowerInvariant(), parsed.Port).Uri;
        return null;
    }

    /// <summary>The slot a peer takes: host and port, whatever the scheme. One peer per slot; bans are per slot too.</summary>
    public static string SlotOf(Uri url) => $"{url.Host}:{url.Port}";
}
