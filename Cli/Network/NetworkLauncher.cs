using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Network;

/// <summary><c>network up</c>: starts, in the background, every process of the network that is not running already
/// (all of them the first time; after <c>network down miner2</c>, just miner2's), records each as it starts, and waits
/// until every gateway is ready. If one is not, it stops what it started and says why. The order: the network's own
/// Redis (if it has one), then every silo, then each gateway once its miner's silos listen.</summary>
internal sealed class NetworkLauncher(string dataDirectory, MinerPrograms programs, TextWriter progress)
{
    private readonly ProcessRecord _record = new(dataDirectory);

    /// <summary>Starts what is missing; returns the miners and the settings as saved (a new network Redis gets its port here).</summary>
    public async Task<(IReadOnlyList<MinerSpec> Miners, NetworkSettings Settings)> UpAsync(
        NetworkSettings settings, NetworkSettings? previous, string? adminKey, TimeSpan timeout, CancellationToken cancellation)
    {
        var running = _record.Load().Where(ProcessIdentity.IsRunning).ToList();
        if (running.Count > 0 && previous is not null && RunningChange(previous, settings) is { } change)
        {
            throw new CommandException($"the network in {dataDirectory} runs {change}; take it down first to change that");
        }

        if (settings is { StartRedis: true, Redis: null })
        {
            var planned = settings.PlanMiners(dataDirectory, adminKey).SelectMany(m => m.Ports.All).Select(p => p.Port).ToHashSet();
            settings = settings with { Redis = LocalRedis.ChooseUrl(planned) };
        }

        var miners = settings.PlanMiners(dataDirectory, adminKey);
        var redis = settings is { StartRedis: true, Redis: { } url } ? LocalRedis.At(dataDirectory, url) : null;
        var redisMissing = redis is not null && !running.Any(p => p.Role == MinerRole.Redis);
        var missing = miners.SelectMany(m => m.Processes).Where(p => !running.Any(r => r.Is(p.Miner.Name, p.Role, p.Number))).ToList();
        var redisProgram = redisMissing ? LocalRedis.FindProgram() : null;
        PortAvailability.EnsureFree([
            .. redisMissing ? [(redis!.Port, $"port of the network's Redis")] : Array.Empty<(int, string)>(),
            .. missing.SelectMany(p => p.Ports.Select(port => (port.Port, $"{port.Use} port of {p.Miner.Name}"))),
        ]);
        settings.Save(dataDirectory);
        await progress.WriteLineAsync(missing.Count == 0 && !redisMissing
            ? $"all {miners.Count} miner(s) in {dataDirectory} are running already"
            : $"starting {string.Join(", ", [.. redisMissing ? [LocalRedis.Name] : Array.Empty<string>(), .. missing.Select(p => p.Miner.Name).Distinct()])} in {dataDirectory} (difficulty {settings.Difficulty}{Cluster(settings)})…");

        var started = new List<RecordedProcess>();
        try
        {
            if (redisMissing)
            {
                started.Add(StartRedis(redis!, redisProgram!));
                Record(running, started);
                await redis!.WaitUntilReadyAsync(() => Exited(LocalRedis.Name, numbered: false, started), timeout, cancellation);
            }

            // Silos first; each gateway once its miner's silos listen (it would only retry until then).
            StartAll(missing.Where(p => p.Role == MinerRole.Silo), running, started);
            await Task.WhenAll(miners.SelectMany(m => m.Processes).Where(p => p.Role == MinerRole.Silo).Select(silo =>
                MinerReadiness.WaitForSiloAsync(silo, () => Exited(silo.Miner, started), Logs(silo.Miner), timeout, cancellation)));
            StartAll(missing.Where(p => p.Role == MinerRole.Gateway), running, started);
            await Task.WhenAll(miners.Select(miner => MinerReadiness.WaitForGatewayAsync(miner, () => Exited(miner, started), Logs(miner), timeout, cancellation)));
            return (miners, settings);
        }
        catch
        {
            await progress.WriteLineAsync("stopping what was started…");
            await NetworkStopper.StopAsync(started);
            Record(running, []);
            throw;
        }
    }

    /// <summary>What may not change under running processes: the ports they listen on and the Redis they share.</summary>
    private static string? RunningChange(NetworkSettings previous, NetworkSettings settings) =>
        previous.BasePort != settings.BasePort ? $"on base port {previous.BasePort}"
        : previous.SilosPerMiner != settings.SilosPerMiner ? $"{previous.SilosPerMiner} silo(s) per miner"
        : previous.Redis != settings.Redis || previous.StartRedis != settings.StartRedis ? (previous.Redis is null ? "without Redis" : $"with Redis at {previous.Redis}")
        : null;

    private static string Cluster(NetworkSettings settings) =>
        settings.Redis is null ? "" : $", {settings.SilosPerMiner} silo(s) per miner, Redis at {settings.Redis}";

    /// <summary>Records each process as soon as it runs, so that even an interrupted <c>up</c> can be taken down.</summary>
    private void StartAll(IEnumerable<MinerProcess> processes, List<RecordedProcess> running, List<RecordedProcess> started)
    {
        foreach (var process in processes)
        {
            started.Add(Start(process));
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

    private RecordedProcess Start(MinerProcess process)
    {
        Directory.CreateDirectory(process.Miner.DataDirectory);
        var start = programs.StartInfo(process);
        start.WorkingDirectory = process.Miner.DataDirectory;
        using var started = DetachedProcess.Start(start, Path.Combine(process.Miner.DataDirectory, process.LogFileName));
        return ProcessIdentity.Capture(started, process.Miner.Name, process.Role, programs.PathOf(process.Role), process.Number);
    }

    private static RecordedProcess StartRedis(LocalRedis redis, string program)
    {
        Directory.CreateDirectory(redis.DataDirectory);
        using var started = DetachedProcess.Start(redis.StartInfo(program), redis.LogPath);
        return ProcessIdentity.Capture(started, LocalRedis.Name, MinerRole.Redis, program);
    }

    private static string? Exited(MinerSpec miner, IEnumerable<RecordedProcess> started) => Exited(miner.Name, miner.Ports.SiloCount > 1, started);

    /// <summary>"its silo2 (pid 123) exited"; for the network's Redis, "redis-server (pid 123) exited".</summary>
    private static string? Exited(string name, bool numbered, IEnumerable<RecordedProcess> started) =>
        started.FirstOrDefault(p => p.Miner == name && !ProcessIdentity.IsRunning(p)) is { } gone
            ? gone.Role == MinerRole.Redis ? $"redis-server (pid {gone.Pid}) exited" : $"its {gone.Name(numbered)} (pid {gone.Pid}) exited"
            : null;

    private static string Logs(MinerSpec miner) => Path.Combine(miner.DataDirectory, "*.log");
}
