using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Network;

/// <summary><c>network down [MINER…]</c>: stops exactly the processes <c>network up</c> recorded (all, or those of the
/// named miners), each only after checking that its PID still belongs to it, and takes them off the record.
/// Gateways first (so they do not log a silo that went away), then silos, then the network's own Redis (which the silos
/// write to until they stop); SIGTERM first, SIGKILL at the deadline.</summary>
internal sealed class NetworkStopper(string dataDirectory, TextWriter output)
{
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ForcedStop = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly MinerRole[] StopOrder = [MinerRole.Gateway, MinerRole.Silo, MinerRole.Redis];

    private readonly ProcessRecord _record = new(dataDirectory);

    /// <summary>Stops the recorded processes of <paramref name="miners"/> (every miner, and the network's Redis, when
    /// empty; <c>redis</c> names that one); returns those that were running.</summary>
    public async Task<IReadOnlyList<RecordedProcess>> DownAsync(IReadOnlyCollection<string> miners)
    {
        if (!_record.Exists)
        {
            await output.WriteLineAsync($"no network is running from {dataDirectory}");
            return [];
        }

        var recorded = _record.Load();
        if (miners.FirstOrDefault(name => recorded.All(p => p.Miner != name)) is { } unknown)
        {
            throw new CommandException($"{unknown} is not among the processes started from {dataDirectory} ({string.Join(", ", recorded.Select(p => p.Miner).Distinct())})");
        }

        var chosen = miners.Count == 0 ? recorded : [.. recorded.Where(p => miners.Contains(p.Miner))];
        var stopped = await StopAsync(chosen);
        foreach (var miner in chosen.OrderBy(p => p.Role).ThenBy(p => p.Number).GroupBy(p => p.Miner).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var numbered = miner.Any(p => p.Role == MinerRole.Silo && p.Number > 1);
            await output.WriteLineAsync(miner.All(stopped.Contains)
                ? $"stopped {miner.Key} ({string.Join(", ", miner.Select(p => $"{p.Name(numbered)} pid {p.Pid}"))})"
                : $"{miner.Key}: {string.Join(", ", miner.Select(p => $"{p.Name(numbered)} pid {p.Pid} {(stopped.Contains(p) ? "stopped" : "was no longer running")}"))}");
        }

        var rest = recorded.Except(chosen).ToList();
        if (rest.Count == 0)
        {
            _record.Delete();
        }
        else
        {
            _record.Save(rest);
        }

        return stopped;
    }

    /// <summary>Stops those of <paramref name="processes"/> that are still the recorded ones; returns them.</summary>
    public static async Task<IReadOnlyList<RecordedProcess>> StopAsync(IReadOnlyList<RecordedProcess> processes)
    {
        var stopped = new List<RecordedProcess>();
        foreach (var role in StopOrder)
        {
            var stopping = processes.Where(p => p.Role == role).Where(ProcessIdentity.TerminateIfRunning).ToList();
            if (!await AllStoppedAsync(stopping, GracefulStop))
            {
                stopping.ForEach(ProcessIdentity.KillIfRunning);
                if (!await AllStoppedAsync(stopping, ForcedStop))
                {
                    throw new CommandException($"some processes did not stop: pid {string.Join(", ", stopping.Where(ProcessIdentity.IsRunning).Select(p => p.Pid))}");
                }
            }

            stopped.AddRange(stopping);
        }

        return stopped;
    }

    private static Task<bool> AllStoppedAsync(IEnumerable<RecordedProcess> processes, TimeSpan timeout) =>
        Poll.UntilAsync(_ => Task.FromResult(!processes.Any(ProcessIdentity.IsRunning)), timeout, Interval, CancellationToken.None);
}
