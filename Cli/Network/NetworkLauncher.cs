using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Network;

/// <summary><c>network up</c>: starts, in the background, every process of the network that is not running already
/// (all of them the first time; after <c>network down miner2</c>, just miner2's), records each as it starts, and waits
/// until every gateway is ready. If one is not, it stops what it started and says why.</summary>
internal sealed class NetworkLauncher(string dataDirectory, MinerPrograms programs, TextWriter progress)
{
    private readonly ProcessRecord _record = new(dataDirectory);

    public async Task<IReadOnlyList<MinerSpec>> UpAsync(NetworkSettings settings, NetworkSettings? previous, string? adminKey, TimeSpan timeout, CancellationToken cancellation)
    {
        var miners = settings.PlanMiners(dataDirectory, adminKey);
        var running = _record.Load().Where(ProcessIdentity.IsRunning).ToList();
        if (running.Count > 0 && previous is not null && previous.BasePort != settings.BasePort)
        {
            throw new CommandException($"the network in {dataDirectory} runs on base port {previous.BasePort}; take it down first to change ports");
        }

        var missing = miners.SelectMany(m => Enum.GetValues<MinerRole>().Select(role => (Miner: m, Role: role)))
            .Where(process => !running.Any(p => p.Miner == process.Miner.Name && p.Role == process.Role))
            .ToList();
        PortAvailability.EnsureFree(missing.SelectMany(p => PortsOf(p.Miner, p.Role).Select(port => (port.Port, $"{port.Use} port of {p.Miner.Name}"))));
        settings.Save(dataDirectory);
        await progress.WriteLineAsync(missing.Count == 0
            ? $"all {miners.Count} miner(s) in {dataDirectory} are running already"
            : $"starting {string.Join(", ", missing.Select(p => p.Miner.Name).Distinct())} in {dataDirectory} (difficulty {settings.Difficulty})…");

        var started = new List<RecordedProcess>();
        try
        {
            // Silos first; each gateway once its silo listens (it would only retry until then).
            StartAll(missing.Where(p => p.Role == MinerRole.Silo).Select(p => p.Miner), MinerRole.Silo, running, started);
            await Task.WhenAll(miners.Select(miner => MinerReadiness.WaitForSiloAsync(miner, () => Exited(miner, started), Logs(miner), timeout, cancellation)));
            StartAll(missing.Where(p => p.Role == MinerRole.Gateway).Select(p => p.Miner), MinerRole.Gateway, running, started);
            await Task.WhenAll(miners.Select(miner => MinerReadiness.WaitForGatewayAsync(miner, () => Exited(miner, started), Logs(miner), timeout, cancellation)));
            return miners;
        }
        catch
        {
            await progress.WriteLineAsync("stopping what was started…");
            await NetworkStopper.StopAsync(started);
            Record(running, []);
            throw;
        }
    }

    /// <summary>Records each process as soon as it runs, so that even an interrupted <c>up</c> can be taken down.</summary>
    private void StartAll(IEnumerable<MinerSpec> miners, MinerRole role, List<RecordedProcess> running, List<RecordedProcess> started)
    {
        foreach (var miner in miners)
        {
            started.Add(Start(miner, role));
            Record(running, started);
        }
    }

    private void Record(List<RecordedProcess> running, List<RecordedProcess> started)
    {
        if (running.Count + started.Count == 0)
        {
            _record.Delete();
        }
        else
        {
            _record.Save([.. running, .. started]);
        }
    }

    private RecordedProcess Start(MinerSpec miner, MinerRole role)
    {
        Directory.CreateDirectory(miner.DataDirectory);
        var start = programs.StartInfo(miner, role);
        start.WorkingDirectory = miner.DataDirectory;
        using var process = DetachedProcess.Start(start, Path.Combine(miner.DataDirectory, $"{role.ToString().ToLowerInvariant()}.log"));
        return ProcessIdentity.Capture(process, miner.Name, role, programs.PathOf(role));
    }

    private static IEnumerable<(int Port, string Use)> PortsOf(MinerSpec miner, MinerRole role) =>
        miner.Ports.All.Where(port => (port.Port == miner.Ports.Http) == (role == MinerRole.Gateway));

    private static string? Exited(MinerSpec miner, IEnumerable<RecordedProcess> started) =>
        started.FirstOrDefault(p => p.Miner == miner.Name && !ProcessIdentity.IsRunning(p)) is { } gone
            ? $"its {gone.Role.ToString().ToLowerInvariant()} (pid {gone.Pid}) exited"
            : null;

    private static string Logs(MinerSpec miner) => Path.Combine(miner.DataDirectory, "*.log");
}
