using System.Diagnostics;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary><c>miner start</c>: one miner's silo and gateway as child processes attached to this console,
/// until Ctrl-C (or until one of them exits), then both stopped.</summary>
internal static class ForegroundMiner
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private const string Logs = "the output above";

    public static async Task<int> RunAsync(MinerSpec miner, MinerPrograms programs, TextWriter output, CancellationToken cancellation)
    {
        Directory.CreateDirectory(miner.DataDirectory);
        using var silo = Start(programs, miner, MinerRole.Silo);
        Process? gateway = null;
        try
        {
            await MinerReadiness.WaitForSiloAsync(miner, () => Exited(silo, gateway), Logs, StartTimeout, cancellation);
            gateway = Start(programs, miner, MinerRole.Gateway);
            await MinerReadiness.WaitForGatewayAsync(miner, () => Exited(silo, gateway), Logs, StartTimeout, cancellation);
            await output.WriteLineAsync($"{miner.Name} is ready at {miner.Url} (Swagger UI: {miner.Url}swagger); Ctrl-C stops it");

            var stopped = await Task.WhenAny(silo.WaitForExitAsync(cancellation), gateway.WaitForExitAsync(cancellation));
            await stopped; // throws when Ctrl-C cancelled the wait
            throw new CommandException($"{miner.Name} stopped: {Exited(silo, gateway)}");
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return 0; // Ctrl-C: the normal way to stop a miner
        }
        finally
        {
            await StopAsync([.. new[] { gateway, silo }.OfType<Process>()]);
            gateway?.Dispose();
        }
    }

    private static Process Start(MinerPrograms programs, MinerSpec miner, MinerRole role) =>
        Process.Start(programs.StartInfo(miner, role)) ?? throw new CommandException($"could not start the {role.ToString().ToLowerInvariant()}");

    private static string? Exited(Process silo, Process? gateway) =>
        silo.HasExited ? $"the silo exited with code {silo.ExitCode}"
        : gateway is { HasExited: true } ? $"the gateway exited with code {gateway.ExitCode}"
        : null;

    /// <summary>SIGTERM to both (they also saw Ctrl-C from the terminal), then SIGKILL for any still running at the deadline.</summary>
    private static async Task StopAsync(Process[] processes)
    {
        foreach (var process in processes.Where(p => !p.HasExited))
        {
            Signals.Terminate(process.Id);
        }

        using var deadline = new CancellationTokenSource(StopTimeout);
        foreach (var process in processes)
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }
}
