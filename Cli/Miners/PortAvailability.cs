using System.Net;
using System.Net.Sockets;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary>Checks before starting anything that every port a miner needs is free on 127.0.0.1,
/// so a clash is one clear error instead of a process that dies in its log.</summary>
internal static class PortAvailability
{
    public static void EnsureFree(MinerSpec miner) => EnsureFree(miner.Ports.All.Select(port => (port.Port, $"{port.Use} port of {miner.Name}")));

    /// <param name="ports">Each port with what it is for, e.g. "silo port of miner2".</param>
    public static void EnsureFree(IEnumerable<(int Port, string Use)> ports)
    {
        foreach (var (port, use) in ports)
        {
            if (!IsFree(port))
            {
                throw new CommandException($"port {port} ({use}) is already in use on 127.0.0.1; stop what uses it or choose other ports");
            }
        }
    }

    /// <summary>Whether nothing listens on the loopback port right now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
