using System.Diagnostics;
using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Network;

/// <summary>Tells whether a recorded PID still belongs to the process that was recorded: same start time and,
/// where <c>/proc</c> shows it, a command line naming the same program. Only then may it be signalled.</summary>
internal static class ProcessIdentity
{
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(1);

    public static RecordedProcess Capture(Process process, string miner, MinerRole role, string program, int number = 1) =>
        new(miner, role, process.Id, process.StartTime.ToUniversalTime(), program, number);

    public static bool IsRunning(RecordedProcess recorded)
    {
        try
        {
            using var process = Process.GetProcessById(recorded.Pid);
            return !process.HasExited
                && (process.StartTime.ToUniversalTime() - recorded.StartedAt).Duration() <= StartTimeTolerance
                && RunsProgram(recorded)
                && !IsZombie(recorded.Pid);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            return false; // no such process, or it exited while we looked
        }
    }

    /// <summary>Kills the process (SIGKILL) if, and only if, it is still the recorded one.</summary>
    public static void KillIfRunning(RecordedProcess recorded)
    {
        if (!IsRunning(recorded))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(recorded.Pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // It exited in the meantime.
        }
    }

    /// <summary>Asks the process to stop (SIGTERM) if, and only if, it is still the recorded one.</summary>
    public static bool TerminateIfRunning(RecordedProcess recorded)
    {
        if (!IsRunning(recorded))
        {
            return false;
        }

        Signals.Terminate(recorded.Pid);
        return true;
    }

    // An empty command line tells nothing: a process reads so while it execs (a started miner execs twice, from the
    // shell through setsid to its program), and a CI run once took a miner just started for one that had exited so.
    // A different process under a reused PID has a different start time.
    private static bool RunsProgram(RecordedProcess recorded)
    {
        var commandLine = $"/proc/{recorded.Pid}/cmdline";
        return !File.Exists(commandLine) || File.ReadAllText(commandLine) is not { Length: > 0 } arguments || arguments.Split('\0').Contains(recorded.Program);
    }

    // An exited process its parent has not reaped yet still has a PID; it runs nothing.
    private static bool IsZombie(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        var text = File.ReadAllText(stat);
        var afterName = text.LastIndexOf(')');
        return afterName > 0 && afterName + 2 < text.Length && text[afterName + 2] is 'Z' or 'X';
    }
}
