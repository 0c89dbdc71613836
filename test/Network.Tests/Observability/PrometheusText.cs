using System.Globalization;
using System.Text.RegularExpressions;

namespace Orleans.Blockchain.Network.Tests.Observability;

/// <summary>Reads samples out of a Prometheus text exposition.</summary>
public static partial class PrometheusText
{
    /// <summary>The sum of every sample of <paramref name="metric"/> (all label sets), or null if it has none.</summary>
    public static double? Sum(string exposition, string metric)
    {
        var values = Sample().Matches(exposition)
            .Where(m => m.Groups["name"].Value == metric)
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();
        return values.Count == 0 ? null : values.Sum();
    }

    /// <summary>The label sets <paramref name="metric"/> has samples for.</summary>
    public static IEnumerable<string> Labels(string exposition, string metric) =>
        Sample().Matches(exposition).Where(m => m.Groups["name"].Value == metric).Select(m => m.Groups["labels"].Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[^}]*\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
