using System.Net;
using System.Net.Sockets;
using Orleans.Blockchain.Cli.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests;

/// <summary>A gateway that is not there, or does not answer: one line on stderr and a non-zero exit code.</summary>
public sealed class ErrorTests
{
    [Theory]
    [InlineData("add hello")]
    [InlineData("add hello --wait")]
    [InlineData("get chain")]
    [InlineData("get neighbours")]
    [InlineData("get data")]
    [InlineData("get status --json")]
    [InlineData("get block 1")]
    [InlineData("get message 01a20e7e-2b9a-764c-bd82-19442c6709db")]
    [InlineData("health")]
    [InlineData("neighbours add 127.0.0.1:5001")]
    [InlineData("neighbours remove 127.0.0.1:5001 --admin-key k")]
    [InlineData("watch --count 1")]
    public async Task An_unreachable_gateway_is_one_line_and_exit_code_1(string command)
    {
        var port = FreePorts.BaseFor(1);

        var result = await BlockchainCli.RunAsync([.. command.Split(' '), "--port", $"{port}"], environment: null);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.Contains($"cannot reach the gateway at http://127.0.0.1:{port}/", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_that_never_answers_times_out_in_one_line()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the OS does), never answers
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var result = await BlockchainCli.RunAsync("get", "status", "--port", $"{port}", "--timeout", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did not answer within 1 s", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_url_is_refused_before_anything_is_sent()
    {
        var result = await BlockchainCli.RunAsync("get", "chain", "--url", "ftp://example");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a gateway URL", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_commands_and_options_fail_with_usage()
    {
        var result = await BlockchainCli.RunAsync("get", "chains");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("chains", result.Error, StringComparison.Ordinal);
    }
}
