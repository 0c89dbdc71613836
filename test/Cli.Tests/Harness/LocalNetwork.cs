namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>A network started the way a user does, <c>blockchain network up</c>: 2 miners at difficulty 2 on free
/// ports in a temp directory, with an admin key; taken down by <c>blockchain network down</c>. Shared by the tests
/// of the gateway commands.</summary>
public sealed class LocalNetwork : IAsyncLifetime
{
    public const string AdminKey = "cli-tests-admin-key";

    private readonly TempDirectory _directory = new();

    public string DataDirectory => _directory.Path;

    /// <summary>The gateways' URLs, as <c>network up</c> printed them.</summary>
    public IReadOnlyList<string> Urls { get; private set; } = [];

    public int BasePort { get; } = FreePorts.BaseFor(2);

    public async ValueTask InitializeAsync()
    {
        var up = await BlockchainCli.RunAsync(
            "network", "up", "--miners", "2", "--difficulty", "2", "--base-port", $"{BasePort}", "--data-dir", DataDirectory, "--admin-key", AdminKey);
        Assert.True(up.ExitCode == 0, up.WithLogsOf(DataDirectory));
        Urls = [.. up.OutputLines.Select(line => line.Split(' ')[1])];
    }

    public async ValueTask DisposeAsync()
    {
        await BlockchainCli.RunAsync("network", "down", "--data-dir", DataDirectory);
        _directory.Dispose();
    }
}
