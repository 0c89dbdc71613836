namespace Orleans.Blockchain.Cli.Gateway;

/// <summary>One check of a health report.</summary>
internal sealed record HealthCheckEntry(string Status, string? Description);
