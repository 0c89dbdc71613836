using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>Loopback ports for test miners, each leased to one test process until it exits.
/// Why: the network, web and CLI tests run side by side, and a port that is free when chosen is free only until
/// someone binds it. With ports from the OS (bind to port 0) two test processes were once handed the same one: one
/// miner's gateway failed to bind, and its health check was answered by the other process's miner.
/// A lease is an exclusively opened file per port (an <c>flock</c> on Unix, dropped by the kernel when the process
/// ends, however it ends); the ports lie below Linux's ephemeral range (32768–60999), from which outgoing connections
/// take theirs.</summary>
internal static class FreePort
{
    private const int First = 10_000;
    private const int Last = 32_767;
    private const int MaxAttempts = 1_000;

    private static readonly string LeaseDirectory = Path.Combine(Path.GetTempPath(), "orleans-blockchain-test-ports");

    // Process-wide by nature: a lease must outlive every miner of this process that might (re)start on the port.
    private static readonly ConcurrentBag<FileStream> Leases = [];

    /// <summary>A loopback port nothing listens on, leased to this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var port = Random.Shared.Next(First, Last + 1);
            if (TryLease(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free loopback port between {First} and {Last} after {MaxAttempts} tries");
    }

    /// <summary>Leases <paramref name="port"/> to this process if no test process holds it and nothing listens on it.</summary>
    public static bool TryLease(int port)
    {
        Directory.CreateDirectory(LeaseDirectory);
        FileStream lease;
        try
        {
            lease = new FileStream(Path.Combine(LeaseDirectory, port.ToString(CultureInfo.InvariantCulture)), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // leased by a test process (this one included), or a lease file another user made
        }

        if (!IsFree(port))
        {
            lease.Dispose();
            return false;
        }

        Leases.Add(lease);
        return true;
    }

    /// <summary>Whether nothing listens on the loopback port right now.</summary>
    private static bool IsFree(int port)
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
