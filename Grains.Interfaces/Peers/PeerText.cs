using System.Globalization;
using System.Text;

namespace Orleans.Blockchain.Peers;

/// <summary>Text that came from a peer, made fit for one log line or error message: control and format characters
/// replaced, and cut to a short length with a note of how long it was. A peer can send megabytes and newlines in any
/// string; none of it may flood a log or forge lines in it.</summary>
public static class PeerText
{
    public const int MaxLength = 160;

    public static string ForLog(string? text, int maxLength = MaxLength)
    {
        if (text is null)
        {
            return "(none)";
        }

        var shown = new StringBuilder(Math.Min(text.Length, maxLength) + 32);
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, maxLength)))
        {
            shown.Append(char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate ? '?' : c);
        }

        return text.Length <= maxLength ? shown.ToString() : shown.Append(CultureInfo.InvariantCulture, $"… ({text.Length:N0} characters)").ToString();
    }
}
