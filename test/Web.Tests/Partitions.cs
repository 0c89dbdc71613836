using System.Net.Http.Json;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Web.Tests;

/// <summary>Staged partitions through each gateway's admin endpoint (<c>/admin/partition</c>), as
/// <c>blockchain network partition</c> stages them: every miner is told which peers to ignore.</summary>
public static class Partitions
{
    public const string AdminKey = "web-tests-admin-key";

    /// <summary>Miners whose gateways accept <see cref="AdminKey"/>.</summary>
    public static MinerSettings Settings { get; } = new()
    {
        Difficulty = 3,
        Gateway = new Dictionary<string, string> { ["Gateway:AdminKey"] = AdminKey },
    };

    /// <summary>Makes every miner of each side ignore every miner of the other.</summary>
    public static async Task SplitAsync(IReadOnlyList<MinerProcess> one, IReadOnlyList<MinerProcess> other)
    {
        await Task.WhenAll(one.Select(m => m.CutOffAsync(other)).Concat(other.Select(m => m.CutOffAsync(one))));
    }

    public static async Task HealAsync(IEnumerable<MinerProcess> miners) =>
        await Task.WhenAll(miners.Select(m => m.SendAdminAsync(HttpMethod.Delete, null)));

    private static Task CutOffAsync(this MinerProcess miner, IEnumerable<MinerProcess> peers) =>
        miner.SendAdminAsync(HttpMethod.Put, JsonContent.Create(new PartitionRequest([.. peers.Select(p => p.Url.ToString())]), options: MinerProcess.Json));

    private static async Task SendAdminAsync(this MinerProcess miner, HttpMethod method, HttpContent? body)
    {
        using var request = new HttpRequestMessage(method, "admin/partition") { Content = body };
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await miner.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
