using System.Globalization;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary>The optional author of <c>PUT /add</c>: <c>publicKey</c>, <c>signedAt</c> and <c>signature</c>, all three or
/// none, checked before the message enters the pool (the pool and every validator check it again).</summary>
public static class SignedMessage
{
    /// <summary>How far the author's clock may be from the miner's: a signature is fresh, not a replay from long ago.</summary>
    public static readonly TimeSpan MaxClockDifference = TimeSpan.FromMinutes(5);

    public const string DoesNotVerify = "the signature does not verify";

    public static bool TryReadAuthor(IQueryCollection query, string text, DateTimeOffset now, out MessageAuthor? author, out string refusal)
    {
        author = null;
        refusal = "";
        string?[] parts = [query["publicKey"], query["signedAt"], query["signature"]];
        if (parts.All(string.IsNullOrEmpty))
        {
            return true;
        }

        if (parts.Any(string.IsNullOrEmpty) || query["publicKey"].Count > 1 || query["signedAt"].Count > 1 || query["signature"].Count > 1)
        {
            refusal = "A signed message needs publicKey, signedAt and signature, once each.";
            return false;
        }

        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            refusal = "signedAt must be the author's time in Unix milliseconds.";
            return false;
        }

        var signedAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        if ((signedAt - now).Duration() > MaxClockDifference)
        {
            refusal = $"signedAt is more than {MaxClockDifference.TotalMinutes:0} minutes from the miner's clock: sign the message again.";
            return false;
        }

        author = new MessageAuthor(parts[0]!.ToLowerInvariant(), signedAt, parts[2]!.ToLowerInvariant());
        if (!MessageSignature.Verifies(author, text))
        {
            refusal = DoesNotVerify;
            return false;
        }

        return true;
    }
}
