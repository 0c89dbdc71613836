using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Sync;

/// <summary>Checks on what peers say, before it is used or logged.</summary>
public static class PeerValues
{
    private const int MaxLogged = 120;

    /// <summary>Why a status answer cannot be used, or null: hashes must be hashes, heights must add up.</summary>
    public static string? CheckStatus(StatusResponse? status) => status switch
    {
        null => "no status",
        _ when !ChainValidator.IsHash(status.GenesisHash) || !ChainValidator.IsHash(status.TipHash) => "its hashes are not 64 lowercase hex digits",
        _ when status.Length < 1 || status.Height != status.Length - 1 => "its length and height do not add up",
        _ => null,
    };

    /// <summary>A peer's text cut to a short single line, safe to log.</summary>
    public static string Shorten(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var cut = text.Length <= MaxLogged ? text : text[..MaxLogged] + "…";
        return string.Create(cut.Length, cut, (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }
}
