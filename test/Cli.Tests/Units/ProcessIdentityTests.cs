using System.Diagnostics;
using Orleans.Blockchain.Cli.Miners;
using Orleans.Blockchain.Cli.Network;
using Orleans.Blockchain.Cli.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests.Units;

/// <summary>Whether a recorded PID is still the process <c>network up</c> started, looked at as often as the launcher
/// does: from the moment it starts to the moment it is stopped.</summary>
public sealed class ProcessIdentityTests : IDisposable
{
    private const string Program = "/bin/sleep";
    private const int Starts = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _directory = new();

    /// <summary>A detached process execs twice before it runs its program (the shell, then setsid), and its command line
    /// reads empty during each exec. A CI run once took a silo just started for one that had exited so, and
    /// <c>network up</c> failed.</summary>
    [Fact]
    public void A_process_just_started_is_running_through_each_exec_and_not_once_it_is_stopped()
    {
        for (var start = 1; start <= Starts; start++)
        {
            using var process = DetachedProcess.Start(
                new ProcessStartInfo(Program) { ArgumentList = { "60" }, WorkingDirectory = _directory.Path }, Path.Combine(_directory.Path, "sleep.log"));
            var recorded = ProcessIdentity.Capture(process, "miner1", MinerRole.Silo, Program);
            try
            {
                // Every look until the program runs: the windows are microseconds wide.
                var elapsed = Stopwatch.StartNew();
                while (!CommandLine(recorded.Pid).StartsWith(Program + "\0", StringComparison.Ordinal) && elapsed.Elapsed < Deadline)
                {
                    Assert.True(ProcessIdentity.IsRunning(recorded), $"start {start}: pid {recorded.Pid} taken for exited {elapsed.Elapsed.TotalMilliseconds:0.000} ms after it started");
                }

                Assert.True(ProcessIdentity.IsRunning(recorded), $"start {start}: {Program} did not run within {Deadline.TotalSeconds} s");
            }
            finally
            {
                process.Kill();
                process.WaitForExit();
            }

            Assert.False(ProcessIdentity.IsRunning(recorded), $"start {start}: pid {recorded.Pid} still taken for running once stopped");
        }
    }

    public void Dispose() => _directory.Dispose();

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
