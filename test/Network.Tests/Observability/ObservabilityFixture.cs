using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests.Observability;

/// <summary>Two connected miners whose silos serve metrics, one message mined; the first gateway also listens on
/// this machine's first non-loopback IPv4 address (if it has one), to be reached as another machine would.</summary>
public sealed class ObservabilityFixture : IAsyncLifetime
{
    /// <summary>Lower than the default, so a burst of scrapes beyond it shows that <c>/metrics</c> is not rate limited.</summary>
    public const int RequestsPerSecond = 50;

    private MinerNetwork? _network;

    public MinerNetwork Network => _network ?? throw new InvalidOperationException("The network has not started.");

    public IPAddress? OtherAddress { get; } = NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    public async ValueTask InitializeAsync()
    {
        // The dashboard is off by default; silo and gateway both read the one setting that turns it on.
        var dashboard = new KeyValuePair<string, string>("Miner:Dashboard", "true");
        var gateway = new Dictionary<string, string> { ["Gateway:RequestsPerSecond"] = $"{RequestsPerSecond}", [dashboard.Key] = dashboard.Value };
        _network = await MinerNetwork.StartAsync(2, new MinerSettings
        {
            Metrics = true, GatewayAlsoOn = OtherAddress, Gateway = gateway, Silo = new Dictionary<string, string>([dashboard]),
        });
        var id = await Network[0].AddAsync("observability: a block to count");
        await Network.WaitUntilEveryChainHoldsAsync(id);
    }

    public async ValueTask DisposeAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }
}
