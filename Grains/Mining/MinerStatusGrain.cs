using Microsoft.Extensions.Options;

namespace Orleans.Blockchain.Mining;

/// <summary>Keeps each silo's latest mining report in memory; a silo silent for a while is left out.</summary>
public sealed class MinerStatusGrain(IOptions<MinerOptions> options, TimeProvider clock) : Grain, IMinerStatusGrain
{
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(15);
    private readonly Dictionary<string, MiningReport> _reports = [];

    public Task ReportAsync(MiningReport report)
    {
        _reports[report.Silo] = report;
        return Task.CompletedTask;
    }

    public Task<MinerStatus> GetStatusAsync()
    {
        var recent = _reports.Values.Where(r => clock.GetUtcNow() - r.At < Silence).OrderBy(r => r.Silo, StringComparer.Ordinal);
        return Task.FromResult(new MinerStatus(options.Value.Name, [.. recent]));
    }
}
