using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Network.Tests.Harness;
using Orleans.Blockchain.Pool;
using Orleans.Blockchain.Silo.Hosting;

namespace Orleans.Blockchain.Tests.Hosting;

/// <summary>The real miner host (as Silo/Program.cs builds it), stopped and started again on the same data.</summary>
public sealed class MinerRestartTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly Dictionary<string, string?> _settings;

    public MinerRestartTests() => _settings = new()
    {
        ["Miner:Name"] = "restart",
        ["Miner:DataDirectory"] = _data.Path,
        ["Miner:Difficulty"] = "3",
        ["Miner:MiningThreads"] = "1",
        ["Miner:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Miner:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_mined_message_survives_a_restart()
    {
        var mined = TestBlocks.NewMessage("mined before the restart");
        long height;
        using (var miner = await StartAsync())
        {
            var grains = miner.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IDataPoolGrain>(0).AddAsync(mined);
            await Poll.UntilAsync(
                async () => (await grains.GetGrain<IChainGrain>(0).GetReceiptAsync(mined.Id)).Status == MessageStatus.InBlock,
                "the message to be mined");
            height = (await grains.GetGrain<IChainGrain>(0).GetReceiptAsync(mined.Id)).Height!.Value;
            await miner.StopAsync();
        }

        Assert.True(File.Exists(Path.Combine(_data.Path, "restart.chain")));
        Assert.NotEmpty(Directory.GetFiles(_data.Path, "restart_*"));

        using (var miner = await StartAsync())
        {
            var chain = miner.Services.GetRequiredService<IGrainFactory>().GetGrain<IChainGrain>(0);
            var receipt = await chain.GetReceiptAsync(mined.Id);
            Assert.Equal(MessageStatus.InBlock, receipt.Status);
            Assert.Equal(height, receipt.Height);
            await miner.StopAsync();
        }
    }

    private async Task<IHost> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.AddMiner();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
