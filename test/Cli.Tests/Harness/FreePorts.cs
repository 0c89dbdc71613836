using Orleans.Blockchain.Cli.Miners;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>Base ports for test networks: every port of every miner free (HTTP, and each silo's own) and leased to
/// this test process (<see cref="FreePort"/>), so the network and web tests running beside it are never handed one.
/// The whole block (at most P+3,000) lies below the OS's ephemeral range.</summary>
public static class FreePorts
{
    public static int BaseFor(int miners, int silosPerMiner = 1)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var basePort = Random.Shared.Next(10_000, 29_000);
            if (Enumerable.Range(basePort, miners).SelectMany(p => MinerPorts.For(p, silosPerMiner).All).All(p => FreePort.TryLease(p.Port)))
            {
                return basePort;
            }
        }

        throw new InvalidOperationException("no free range of loopback ports found");
    }

    public static bool IsFree(int port) => PortAvailability.IsFree(port);
}
