using Orleans.Blockchain.Api;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary>What <c>watch</c> saw at one moment (also its <c>--json</c> line).</summary>
internal sealed record WatchSample(DateTimeOffset At, StatusResponse Status, int HealthyNeighbours, int Neighbours);
