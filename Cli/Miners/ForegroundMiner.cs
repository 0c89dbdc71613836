using System.Diagnostics;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary><c>miner start</c>: one miner of one silo, which hosts its gateway (<see cref="MinerPorts.SiloHostsGateway"/>),
/// as a child process attached to this console, until Ctrl-C or until it exits; then stopped.</summary>
internal static class ForegroundMiner
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private const string Logs = "the output above";

    public static async Task<int> RunAsync(MinerSpec miner, MinerPrograms programs, TextWriter output, CancellationToken cancellation)
    {
        Directory.CreateDirectory(miner.DataDirectory);
        using var silo = Process.Start(programs.StartInfo(miner, MinerRole.Silo)) ?? throw new CommandException("could not start the silo");
        try
        {
            await MinerReadiness.WaitForGatewayAsync(miner, () => Exited(silo), Logs, StartTimeout, cancellation);
            await output.WriteLineAsync($"{miner.Name} is ready at {miner.Url} (Swagger UI: {miner.Url}swagger); Ctrl-C stops it");
            await silo.WaitForExitAsync(cancellation); // throws when Ctrl-C cancelled the wait
            throw new CommandException($"{miner.Name} stopped: {Exited(silo)}");
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return 0; // Ctrl-C: the normal way to stop a miner
        }
        finally
        {
            await StopAsync(silo);
        }
    }

    private static string? Exited(Process silo) => silo.HasExited ? $"the silo exited with code {silo.ExitCode}" : null;

    /// <summary>SIGTERM (it also saw Ctrl-C from the terminal), then SIGKILL if it still runs at the deadline.</summary>
    private static async Task StopAsync(Process silo)
    {
        if (!silo.HasExited)
        {
            Signals.Terminate(silo.Id);
        }

        using var deadline = new CancellationTokenSource(StopTimeout);
        try
        {
            await silo.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync(CancellationToken.None);
        }
    }
}
