using System.Collections.Immutable;

namespace Orleans.Blockchain.Api;

/// <summary><c>GET /health</c>: <c>Healthy</c> when the gateway is up and its miner's silo answers.</summary>
public sealed record HealthResponse(string Status, ImmutableDictionary<string, HealthCheckEntry> Checks);

/// <summary>One check of <see cref="HealthResponse"/>.</summary>
public sealed record HealthCheckEntry(string Status, string? Description);
