using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Blockchain.Cli.Gateway;

/// <summary>The gateway's JSON: camelCase names, enums as strings.</summary>
internal static class GatewayJson
{
    /// <summary>For reading answers.</summary>
    public static readonly JsonSerializerOptions Options = ReadOnly(new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } });

    /// <summary>For <c>--json</c> output: the same shape, indented for people who read it too.</summary>
    public static readonly JsonSerializerOptions Indented = ReadOnly(new(Options) { WriteIndented = true });

    private static JsonSerializerOptions ReadOnly(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
