using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>One real miner: its silo processes (one, or several in cluster mode) and a gateway process on free
/// loopback ports, with its own data directory. Stopped by PID (only the processes it started); its output goes to
/// files beside its data (<c>silo.log</c>, <c>silo2.log</c>, ..., <c>gateway.log</c>).</summary>
public sealed class MinerProcess : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly MinerSettings _settings;
    private readonly (int Silo, int Gateway, int Metrics)[] _siloPorts;
    private readonly Process?[] _silos;
    private Dictionary<string, string> _siloSettings = [];
    private Process? _gateway;

    public MinerProcess(string name, string dataDirectory, MinerSettings settings)
    {
        Name = name;
        DataDirectory = dataDirectory;
        _settings = settings;
        _siloPorts = [.. Enumerable.Range(0, settings.Silos).Select(_ => (FreePort.Next(), FreePort.Next(), FreePort.Next()))];
        _silos = new Process?[settings.Silos];
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        Http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Name { get; }

    public string DataDirectory { get; }

    /// <summary>The gateway's base URL.</summary>
    public Uri Url { get; }

    public HttpClient Http { get; }

    /// <summary>The first silo's Prometheus endpoint, when <see cref="MinerSettings.Metrics"/> is on.</summary>
    public Uri? MetricsUrl => _settings.Metrics ? new Uri($"http://127.0.0.1:{_siloPorts[0].Metrics}/metrics") : null;

    public bool IsRunning => _silos.Any(s => s is { HasExited: false });

    /// <summary>Starts silo and gateway and waits until the gateway reports healthy.</summary>
    public async Task StartAsync(IEnumerable<Uri>? neighbours = null)
    {
        Directory.CreateDirectory(DataDirectory);
        var interval = _settings.JobInterval.ToString("c", CultureInfo.InvariantCulture);
        var silo = new Dictionary<string, string>
        {
            ["Miner:Name"] = Name,
            ["Miner:DataDirectory"] = DataDirectory,
            ["Miner:Difficulty"] = _settings.Difficulty.ToString(CultureInfo.InvariantCulture),
            ["Miner:MaxNeighbours"] = _settings.MaxNeighbours.ToString(CultureInfo.InvariantCulture),
            ["Miner:PublicUrl"] = Url.ToString(),
            ["Miner:MiningThreads"] = "1",
            ["Miner:GossipInterval"] = interval,
            ["Miner:ChainSyncInterval"] = interval,
            ["Miner:DataSyncInterval"] = interval,
            ["Miner:BackupInterval"] = "00:00:05",
        };
        var i = 0;
        foreach (var neighbour in neighbours ?? [])
        {
            silo[$"Miner:Neighbours:{i++}"] = neighbour.ToString();
        }

        var gateway = new Dictionary<string, string>
        {
            ["Miner:Name"] = Name,
            ["Miner:GatewayPort"] = _siloPorts[0].Gateway.ToString(CultureInfo.InvariantCulture),
            ["Urls"] = Url.ToString().TrimEnd('/') + (_settings.GatewayAlsoOn is { } also ? $";http://{also}:{Url.Port}" : ""),
        };
        if (_settings.AdminKey is { } key)
        {
            gateway["Gateway:AdminKey"] = key;
        }

        if (_settings.Redis is { } redis)
        {
            (silo["Miner:Redis"], gateway["Miner:Redis"]) = (redis, redis);
        }

        _siloSettings = silo.Concat(_settings.Silo).ToDictionary();
        for (var s = 0; s < _silos.Length; s++)
        {
            StartSilo(s);
        }

        _gateway = Launch("Gateway", gateway.Concat(_settings.Gateway), "gateway.log");
        await Poll.UntilAsync(async () =>
        {
            if (!IsRunning || _gateway.HasExited)
            {
                throw new InvalidOperationException($"Miner {Name} exited at start; see {DataDirectory}/*.log");
            }

            using var response = await Http.GetAsync("health");
            return response.IsSuccessStatusCode;
        }, $"miner {Name} to be healthy");

        // The health check proves only that some miner answers on the port: make sure it is this one.
        var status = await GetStatusAsync();
        if (status.Name != Name || _gateway.HasExited)
        {
            throw new InvalidOperationException($"Miner {Name}: {Url} is answered by miner {status.Name}, not by the gateway started for it; see {DataDirectory}/gateway.log");
        }
    }

    /// <summary>Kills every process of the miner at once (like a crash or SIGKILL).</summary>
    public async Task KillAsync()
    {
        await KillAsync(_gateway);
        _gateway = null;
        for (var s = 0; s < _silos.Length; s++)
        {
            await KillSiloAsync(s);
        }
    }

    /// <summary>Kills one silo (SIGKILL), as a crashed machine would.</summary>
    public async Task KillSiloAsync(int silo)
    {
        await KillAsync(_silos[silo]);
        _silos[silo] = null;
    }

    /// <summary>Starts one silo (again), with the settings and ports it had.</summary>
    public void StartSilo(int silo)
    {
        var (siloPort, gatewayPort, metricsPort) = _siloPorts[silo];
        var settings = new Dictionary<string, string>(_siloSettings)
        {
            ["Miner:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Miner:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        };
        if (_settings.Metrics)
        {
            settings["Miner:MetricsPort"] = metricsPort.ToString(CultureInfo.InvariantCulture);
        }

        _silos[silo] = Launch("Silo", settings, SiloLog(silo));
    }

    /// <summary>The log file of one silo, beside the miner's data.</summary>
    /// <summary>Resident memory of the first silo, from /proc (Linux), in bytes.</summary>
    public long SiloResidentBytes()
    {
        var pid = _silos[0]?.Id ?? throw new InvalidOperationException($"{Name}'s silo is not running");
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The log files this miner's processes wrote (silos and gateway).</summary>
    public IEnumerable<string> LogFiles() => Directory.Exists(DataDirectory) ? Directory.EnumerateFiles(DataDirectory, "*.log").Order(StringComparer.Ordinal) : [];

    public string SiloLog(int silo) => silo == 0 ? "silo.log" : $"silo{silo + 1}.log";

    private static async Task KillAsync(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }

    public async Task<ChainResponse> GetChainAsync() => (await Http.GetFromJsonAsync<ChainResponse>("chain", Json))!;

    public async Task<StatusResponse> GetStatusAsync() => (await Http.GetFromJsonAsync<StatusResponse>("status", Json))!;

    public async Task<NeighboursResponse> GetNeighboursAsync() => (await Http.GetFromJsonAsync<NeighboursResponse>("neighbours", Json))!;

    public async Task<MessageReceipt?> GetReceiptAsync(Guid id)
    {
        using var response = await Http.GetAsync($"messages/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<MessageReceipt>(Json) : null;
    }

    /// <summary>Adds a message through <c>PUT /add</c> and returns its id.</summary>
    public async Task<Guid> AddAsync(string text)
    {
        using var response = await Http.PutAsync($"add?message={Uri.EscapeDataString(text)}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AddResponse>(Json))!.Id;
    }

    /// <summary>Stages a partition at this miner (with <see cref="MinerSettings.AdminKey"/>):
    /// it ignores <paramref name="cutOff"/> until <see cref="HealAsync"/>.</summary>
    public async Task PartitionAsync(IEnumerable<Uri> cutOff)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "admin/partition") { Content = JsonContent.Create(new PartitionRequest([.. cutOff.Select(u => u.ToString())]), options: Json) };
        request.Headers.Add("X-Admin-Key", _settings.AdminKey);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public async Task HealAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "admin/partition");
        request.Headers.Add("X-Admin-Key", _settings.AdminKey);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public async Task<TipResponse[]> GetTipsAsync() => (await Http.GetFromJsonAsync<TipResponse[]>("tips", Json))!;

    public async Task AddNeighbourAsync(Uri peer)
    {
        using var response = await Http.PostAsJsonAsync("neighbours", new NeighbourRequest(peer.ToString()), Json);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until this miner's chain holds each of <paramref name="ids"/> exactly once.</summary>
    public Task WaitUntilChainHoldsAsync(params Guid[] ids) =>
        Poll.UntilAsync(async () => HoldsEachOnce(await GetChainAsync(), ids), $"{Name}'s chain to hold {string.Join(", ", ids)} exactly once");

    /// <summary>Whether <paramref name="chain"/> holds each of <paramref name="ids"/> exactly once.</summary>
    public static bool HoldsEachOnce(ChainResponse chain, IReadOnlyCollection<Guid> ids)
    {
        var counts = chain.Chain.SelectMany(b => b.Messages).Select(m => m.Id).Where(ids.Contains).CountBy(id => id).ToList();
        return counts.Count == ids.Count && counts.All(c => c.Value == 1);
    }

    /// <summary>How many times each message id appears in this miner's chain.</summary>
    public async Task<int> CountInChainAsync(Guid id) =>
        (await GetChainAsync()).Chain.SelectMany(b => b.Messages).Count(m => m.Id == id);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http.Dispose();
    }

    private Process Launch(string project, IEnumerable<KeyValuePair<string, string>> settings, string log)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ProgramPath(project));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {project}");
        var writer = new StreamWriter(Path.Combine(DataDirectory, log), append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.Exited += (_, _) => writer.Dispose();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            try
            {
                writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process exited; its last lines are lost.
            }
        }
    }

    /// <summary>The built program of a project in this repository, in the same configuration as the tests.</summary>
    /// <summary>The built program of <paramref name="project"/> (Silo or Gateway), in the tests' own configuration.</summary>
    public static string ProgramPath(string project)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Orleans.Blockchain.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found"),
            project, "bin", configuration, framework, $"Orleans.Blockchain.{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first", path);
    }
}
