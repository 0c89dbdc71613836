using System.Diagnostics;

namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>Runs the real <c>blockchain</c> program, <c>dotnet Cli/bin/.../blockchain.dll</c>, where the build
/// also put the miner programs it starts; in the tests' own configuration (Debug or Release).</summary>
public static class BlockchainCli
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    public static string Program { get; } = FindProgram();

    public static Task<CliResult> RunAsync(params string[] arguments) => RunAsync(arguments, environment: null);

    /// <summary>Runs one command to its end (killed and failed if it takes longer than <paramref name="timeout"/>).</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan? timeout = null)
    {
        using var process = Start(arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"blockchain {string.Join(' ', arguments)} did not finish in time");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts a command that runs until stopped (<c>miner start</c>, <c>watch</c>), its output redirected.</summary>
    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Neither the developer's environment nor another test's may point the CLI elsewhere.
        start.Environment.Remove("BLOCKCHAIN_URL");
        start.Environment.Remove("BLOCKCHAIN_ADMIN_KEY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
    }

    private static string FindProgram()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Orleans.Blockchain.sln")))
        {
            root = root.Parent;
        }

        var program = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found"),
            "Cli", "bin", configuration, framework, "blockchain.dll");
        return File.Exists(program) ? program : throw new FileNotFoundException("Build the CLI first (dotnet build test/Cli.Tests builds it)", program);
    }
}
