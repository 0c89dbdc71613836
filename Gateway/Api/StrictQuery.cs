using System.Text;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary>Reads a query parameter from the raw query string, decoding percent-escapes as strict UTF-8.
/// ASP.NET's own parsing replaces invalid bytes with U+FFFD, which would silently change a message.</summary>
public static class StrictQuery
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>False when the parameter is present but is not valid UTF-8; <paramref name="value"/> is null when absent.</summary>
    public static bool TryGet(HttpRequest request, string name, out string? value)
    {
        value = null;
        var query = request.QueryString.Value ?? "";
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var key = separator < 0 ? pair : pair[..separator];
            if (!string.Equals(Uri.UnescapeDataString(key), name, StringComparison.Ordinal))
            {
                continue;
            }

            return TryDecode(separator < 0 ? "" : pair[(separator + 1)..], out value);
        }

        return true;
    }

    private static bool TryDecode(string encoded, out string? value)
    {
        value = null;
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length;)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 3;
            }
            else if (encoded[i] == '+')
            {
                bytes.Add((byte)' ');
                i++;
            }
            else
            {
                var end = encoded.IndexOfAny(['%', '+'], i + 1);
                end = end < 0 ? encoded.Length : end;
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i..end]));
                i = end;
            }
        }

        try
        {
            value = Utf8.GetString([.. bytes]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
