using System.Globalization;

namespace Orleans.Blockchain.Proofs;

/// <summary>A block the user trusts, written <c>HASH@HEIGHT</c>: a proof must pass through it.</summary>
public sealed record Checkpoint(string Hash, long Height)
{
    public static bool TryParse(string text, out Checkpoint checkpoint)
    {
        checkpoint = null!;
        var at = text.LastIndexOf('@');
        if (at < 0 || !long.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            return false;
        }

        var hash = text[..at].ToLowerInvariant();
        if (!ProvenHeader.IsHash(hash))
        {
            return false;
        }

        checkpoint = new Checkpoint(hash, height);
        return true;
    }

    public override string ToString() => $"{Hash}@{Height}";
}
