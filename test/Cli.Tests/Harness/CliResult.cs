using System.Text.Json;
using Orleans.Blockchain.Cli.Gateway;

namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>What one run of the CLI printed, and how it exited.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The output read as the gateway's JSON.</summary>
    public T Json<T>() => JsonSerializer.Deserialize<T>(Output, GatewayJson.Options) ?? throw new JsonException("empty output");

    /// <summary>The output read as JSON Lines: one document a line.</summary>
    public T[] JsonLines<T>() => [.. OutputLines.Select(line => JsonSerializer.Deserialize<T>(line, GatewayJson.Options) ?? throw new JsonException("empty line"))];

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
