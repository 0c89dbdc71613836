using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Orleans.Blockchain.Mining;

/// <summary>Keeps each silo's latest mining report in memory, and the silos' observers; a silo silent for a
/// while is left out of both. Nothing here needs storing: after a failover every silo reports again within seconds.</summary>
public sealed class MinerStatusGrain(IOptions<MinerOptions> options, TimeProvider clock, ILogger<MinerStatusGrain> logger) : Grain, IMinerStatusGrain
{
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(15);
    private readonly Dictionary<string, MiningReport> _reports = [];
    private readonly ObserverManager<IMiningObserver> _silos = new(Silence, logger);

    public Task ReportAsync(MiningReport report, IMiningObserver observer)
    {
        _reports[report.Silo] = report;
        foreach (var silent in _reports.Values.Where(r => !IsRecent(r)).ToList())
        {
            _reports.Remove(silent.Silo); // a silo that died or restarted (a restart is a new address)
        }

        _silos.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task<MinerStatus> GetStatusAsync()
    {
        var recent = _reports.Values.Where(IsRecent).OrderBy(r => r.Silo, StringComparer.Ordinal);
        return Task.FromResult(new MinerStatus(options.Value.Name, [.. recent]));
    }

    public Task TipChangedAsync() => _silos.Notify(silo => silo.TipChangedAsync());

    public Task PoolChangedAsync() => _silos.Notify(silo => silo.PoolChangedAsync());

    private bool IsRecent(MiningReport report) => clock.GetUtcNow() - report.At < Silence;
}
