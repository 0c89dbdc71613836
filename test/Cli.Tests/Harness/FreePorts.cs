using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>Base ports for test networks: every port of every miner free (HTTP, and each silo's two). Chosen below the
/// OS's ephemeral range, so that no port another test got from the OS collides with them.</summary>
public static class FreePorts
{
    public static int BaseFor(int miners, int silosPerMiner = 1)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var basePort = Random.Shared.Next(15_000, 30_000);
            if (Enumerable.Range(basePort, miners).SelectMany(p => MinerPorts.For(p, silosPerMiner).All).All(p => IsFree(p.Port)))
            {
                return basePort;
            }
        }

        throw new InvalidOperationException("no free range of loopback ports found");
    }

    public static bool IsFree(int port) => PortAvailability.IsFree(port);
}
