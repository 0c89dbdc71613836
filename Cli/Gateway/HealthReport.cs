namespace Orleans.Blockchain.Cli.Gateway;

/// <summary>The body of <c>GET /health</c>: an overall status and one entry per check (e.g. <c>silo</c>).</summary>
internal sealed record HealthReport(string Status, IReadOnlyDictionary<string, HealthCheckEntry>? Checks)
{
    /// <summary>One line, e.g. "silo: silo reachable; chain length 5".</summary>
    public string Summary() => Checks is null or { Count: 0 }
        ? Status
        : string.Join("; ", Checks.Select(check => $"{check.Key}: {check.Value.Description ?? check.Value.Status}"));
}
