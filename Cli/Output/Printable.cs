using System.Globalization;
using System.Text;

namespace Orleans.Blockchain.Cli.Output;

/// <summary>Turns values into short, safe text for a terminal. Message text comes from anyone on the network:
/// control characters (newlines, escape sequences) are replaced so they cannot break or restyle the output.</summary>
internal static class Printable
{
    public const int MaxCell = 60;

    public static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>At most <paramref name="max"/> characters, with '…' where it was cut (never between the two halves of a surrogate pair).</summary>
    public static string Truncate(string text, int max = MaxCell)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        return text[..(cut > 0 && char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut)] + "…";
    }

    /// <summary>A hash's first 16 digits: enough to tell blocks apart at a glance (<c>--json</c> has them whole).</summary>
    public static string ShortHash(string hash) => hash.Length <= 16 ? hash : hash[..16] + "…";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"1 confirmation", "3 confirmations".</summary>
    public static string Count(long value, string one) => $"{Number(value)} {one}{(value == 1 ? "" : "s")}";

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string HashRate(double hashesPerSecond) => hashesPerSecond switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{hashesPerSecond / 1e6:0.00} MH/s"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{hashesPerSecond / 1e3:0.00} kH/s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{hashesPerSecond:0} H/s"),
    };
}
