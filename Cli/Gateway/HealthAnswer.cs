namespace Orleans.Blockchain.Cli.Gateway;

/// <summary>What <c>GET /health</c> said: ready or not, and the report behind it.</summary>
internal sealed record HealthAnswer(bool IsReady, HealthReport Report);
