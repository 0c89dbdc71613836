using System.Text.Json;
using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Network.Tests.Harness;

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

    /// <summary>This result and the end of every log the network in <paramref name="dataDirectory"/> wrote (each miner's
    /// processes, its Redis), for a failed <c>network</c> command: the CLI only says where they are, and the test's
    /// temp folder is gone once it ends.</summary>
    public string WithLogsOf(string dataDirectory) => $"{this}\n{LogTail.Of(
        Directory.Exists(dataDirectory) ? Directory.EnumerateFiles(dataDirectory, "*.log", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(file => (Path.GetRelativePath(dataDirectory, file), file)) : [])}";
}
