using System.CommandLine;
using Orleans.Blockchain.Cli.Gateway;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary>The options of every command that talks to a gateway: where it is, how long to wait, and <c>--json</c>.</summary>
internal sealed class ClientOptions
{
    public const int DefaultPort = 5000;

    public Option<string?> Url { get; } = new("--url", "-u")
    {
        HelpName = "URL",
        Description = $"The gateway's base URL, e.g. http://127.0.0.1:5001 (default: ${GatewayAddress.UrlVariable}, else http://HOST:PORT)",
    };

    public Option<string> Host { get; } = new("--host") { HelpName = "HOST", Description = "The gateway's host, when no --url is given", DefaultValueFactory = _ => "127.0.0.1" };

    public Option<int> Port { get; } = new("--port", "-p") { HelpName = "PORT", Description = "The gateway's HTTP port, when no --url is given", DefaultValueFactory = _ => DefaultPort };

    public Option<double> Timeout { get; } = new("--timeout") { HelpName = "SECONDS", Description = "Seconds to wait for each answer of the gateway", DefaultValueFactory = _ => 10 };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON (for scripts) instead of a table" };

    /// <summary>Adds these options to <paramref name="command"/> (one set of option objects serves every command).</summary>
    public Command AddTo(Command command)
    {
        foreach (var option in new Option[] { Url, Host, Port, Timeout, Json })
        {
            command.Options.Add(option);
        }

        return command;
    }

    public GatewayClient Connect(ParseResult parse)
    {
        var timeout = PositiveSeconds.Of("--timeout", parse.GetValue(Timeout));
        return new GatewayClient(GatewayAddress.Resolve(parse.GetValue(Url), parse.GetValue(Host)!, parse.GetValue(Port)), timeout);
    }

    public bool IsJson(ParseResult parse) => parse.GetValue(Json);
}
