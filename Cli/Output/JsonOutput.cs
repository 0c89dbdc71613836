using System.Text.Json;
using Orleans.Blockchain.Cli.Gateway;

namespace Orleans.Blockchain.Cli.Output;

/// <summary><c>--json</c>: what the gateway answered, as JSON, for scripts.</summary>
internal static class JsonOutput
{
    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, GatewayJson.Indented));

    /// <summary>One compact JSON document per line (JSON Lines), for output that goes on over time.</summary>
    public static void WriteLine<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, GatewayJson.Options));
}
