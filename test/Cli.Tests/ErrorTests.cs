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
    public async Task A_bad_url_is_refused_before_anything_is_sent_as_a_bad_setting()
    {
        var result = await BlockchainCli.RunAsync("get", "chain", "--url", "ftp://example");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --url ftp://example is not allowed: it must be a gateway URL, http or https, like http://127.0.0.1:5000", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("get status --port 70000", "error: --port 70000 is not allowed: it must be between 1 and 65535")]
    [InlineData("get status --timeout 0", "error: --timeout 0 is not allowed: it must be a positive number of seconds")]
    [InlineData("watch --count 0", "error: --count 0 is not allowed: it must be 1 or more")]
    [InlineData("add hello --wait --interval 0", "error: --interval 0 is not allowed: it must be a positive number of seconds")]
    [InlineData("network up --miners 0", "error: --miners 0 is not allowed: it must be between 1 and 100")]
    [InlineData("network up --base-port 65500", "error: --base-port 65500 is not allowed: it must be between 1 and 65333 (miner i uses BASE+i up to BASE+200+i, for i below 3)")]
    [InlineData("miner start data/bad?name.chain", "error: the chain path data/bad?name.chain is not allowed: it must name a chain file like data/alice.chain: letters, digits, '_', '.' or '-' (at most 64) before .chain")]
    [InlineData("get status --port abc", "error: Cannot parse argument 'abc' for option '--port' as expected type 'System.Int32'. (see blockchain get status --help)")]
    public async Task A_bad_setting_is_one_line_naming_it_its_value_and_what_is_allowed_and_exit_code_2(string command, string error)
    {
        using var directory = new TempDirectory();

        var result = await BlockchainCli.RunAsync([.. command.Split(' '), .. command.StartsWith("network", StringComparison.Ordinal) ? ["--data-dir", directory.Path] : Array.Empty<string>()], environment: null);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error, Assert.Single(result.ErrorLines));
        Assert.Empty(result.OutputLines);
    }

    [Fact]
    public async Task A_bad_url_in_the_environment_names_the_variable()
    {
        var result = await BlockchainCli.RunAsync(["get", "status"], new Dictionary<string, string> { ["BLOCKCHAIN_URL"] = "nonsense" });

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: $BLOCKCHAIN_URL nonsense is not allowed", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_commands_and_options_fail_with_usage()
    {
        var result = await BlockchainCli.RunAsync("get", "chains");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("chains", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
