using System.Globalization;

namespace Orleans.Blockchain.Cli.Gateway;

/// <summary>Where the gateway is: <c>--url</c>, else <c>BLOCKCHAIN_URL</c>, else <c>http://HOST:PORT/</c> from the seed's <c>--host</c>/<c>--port</c>.</summary>
internal static class GatewayAddress
{
    public const string UrlVariable = "BLOCKCHAIN_URL";

    public static Uri Resolve(string? url, string host, int port)
    {
        var setting = url is not null ? "--url" : $"${UrlVariable}";
        url ??= Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        if (url is null && port is < 1 or > ushort.MaxValue)
        {
            throw new InvalidSettingException("--port", port, $"must be between 1 and {ushort.MaxValue}");
        }

        var text = url ?? string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}/");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw url is null
                ? new InvalidSettingException("--host", host, "must be a host name or an IP address, like 127.0.0.1")
                : new InvalidSettingException(setting, text, "must be a gateway URL, http or https, like http://127.0.0.1:5000");
        }

        // A base address must end in '/' for relative paths to land beneath it.
        return address.AbsolutePath.EndsWith('/') ? address : new Uri(address + "/");
    }
}
