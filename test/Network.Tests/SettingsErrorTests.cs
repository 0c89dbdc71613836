using System.Diagnostics;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

/// <summary>A miner program given a bad setting ends at once with one line on stderr that names the setting, its value
/// and what is allowed, exit code 2, and no stack trace anywhere; a silo hosting its gateway checks the gateway's too.</summary>
public sealed class SettingsErrorTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("blockchain-settings-").FullName;

    [Theory]
    [InlineData("Silo", "--Miner:Difficulty=99", "miner: Miner:Difficulty=99 is not allowed: it must be between 0 and 16")]
    [InlineData("Silo", "--Miner:MetricsPort=70000", "miner: Miner:MetricsPort=70000 is not allowed: it must be between 0 and 65535")]
    [InlineData("Silo", "--Miner:Name=../etc", "miner: Miner:Name=../etc is not allowed: it must match ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    [InlineData("Silo", "--Miner:MiningThreads=many", "miner: Failed to convert configuration value 'many' at 'Miner:MiningThreads' to type 'System.Int32'.")]
    [InlineData("Silo", "--Miner:HostGateway=yes", "miner: Failed to convert configuration value 'yes' at 'Miner:HostGateway' to type 'System.Boolean'.")]
    [InlineData("Silo", "--Miner:HostGateway=true --Gateway:RequestsPerSecond=10000000", "miner: Gateway:RequestsPerSecond=10000000 is not allowed: it must be between 1 and 1000000")]
    [InlineData("Silo", "--Miner:HostGateway=true --Miner:Name=../etc", "miner: Miner:Name=../etc is not allowed: it must match ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    [InlineData("Gateway", "--Gateway:RequestsPerSecond=10000000", "gateway: Gateway:RequestsPerSecond=10000000 is not allowed: it must be between 1 and 1000000")]
    [InlineData("Gateway", "--Miner:GatewayPort=0", "gateway: Miner:GatewayPort=0 is not allowed: it must be between 1 and 65535")]
    public async Task A_bad_setting_is_one_line_and_exit_code_2(string program, string settings, string error)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[MinerProcess.ProgramPath(program), .. settings.Split(' '), $"--Miner:DataDirectory={_data}", $"--Urls=http://127.0.0.1:{FreePort.Next()}"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(deadline.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal([error], (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("Exception", await output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
