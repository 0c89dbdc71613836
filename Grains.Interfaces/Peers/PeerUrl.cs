namespace Orleans.Blockchain.Peers;

/// <summary>The one accepted form of a peer address: an absolute http(s) URL with a host and nothing but
/// an optional path, normalised to end in '/' so that the same peer is never listed twice.</summary>
public static class PeerUrl
{
    public static bool TryNormalise(string? text, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(parsed.Host)
            || !string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment) || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return false;
        }

        var path = parsed.AbsolutePath.EndsWith('/') ? parsed.AbsolutePath : parsed.AbsolutePath + "/";
        url = new UriBuilder(parsed.Scheme, parsed.Host.ToLowerInvariant(), parsed.Port, path).Uri;
        return true;
    }
}
