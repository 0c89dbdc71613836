using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Blockchain.Cli.Network;

namespace Orleans.Blockchain.Cli.Tests.Units;

/// <summary>deploy/prometheus/ scrapes exactly what the quick start's <c>network up</c> serves, and the Grafana dashboard
/// in deploy/grafana/ is valid JSON that draws, per miner, each series the README promises.</summary>
public sealed partial class MonitoringConfigTests
{
    /// <summary>What a user watches, and the silo series (names as in the README's Observability table) that show it.</summary>
    private static readonly string[] DashboardSeries =
    [
        "blockchain_chain_height", "blockchain_pool_size", "blockchain_peers", "blockchain_mining_hash_rate_per_second",
        "blockchain_mining_blocks_mined_total", "blockchain_chain_reorganisations_total",
    ];

    private static string Root { get; } = FindRoot();

    [Fact]
    public void The_scrape_config_names_every_miner_of_the_default_network_by_its_metrics_url()
    {
        var miners = new NetworkSettings(3, 4, 5000, 1).PlanMiners("/net", null);
        var text = File.ReadAllText(Path.Combine(Root, "deploy", "prometheus", "prometheus.yml"));

        var jobs = Regex.Split(text, @"^\s*- job_name:\s*", RegexOptions.Multiline).Skip(1)
            .ToDictionary(job => job.Split('\n')[0].Trim(), job => Target().Matches(job).Select(m => (m.Groups["port"].Value, m.Groups["miner"].Value)).ToList());

        // One endpoint per miner: its one silo hosts the gateway, whose /metrics serves the silo's series too.
        Assert.Equal(["blockchain"], jobs.Keys);
        Assert.Equal([.. miners.Select(m => ($"{m.Ports.MetricsUrl(1).Port}", m.Name))], jobs["blockchain"]);
    }

    [Fact]
    public void The_grafana_dashboard_is_json_with_a_panel_per_miner_for_each_series()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "deploy", "grafana", "blockchain-dashboard.json")));

        var targets = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => (Expr: target.GetProperty("expr").GetString()!, Legend: target.GetProperty("legendFormat").GetString()!))
            .ToList();

        Assert.All(DashboardSeries, series => Assert.Contains(targets, t => Regex.IsMatch(t.Expr, $@"\b{series}\b") && t.Expr.Contains("by (miner)", StringComparison.Ordinal)));
        Assert.All(targets, t => Assert.Equal("{{miner}}", t.Legend));
        Assert.All(targets.SelectMany(t => Regex.Matches(t.Expr, @"\bblockchain_\w+").Select(m => m.Value)), name => Assert.Contains(name, DashboardSeries));
    }

    [GeneratedRegex(@"targets:\s*\[""127\.0\.0\.1:(?<port>\d+)""\]\s*\n\s*labels:\s*\{\s*miner:\s*(?<miner>\w+)\s*\}")]
    private static partial Regex Target();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orleans.Blockchain.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
