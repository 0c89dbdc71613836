using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary>Asks a process to stop: SIGTERM lets a silo and a gateway shut down cleanly (.NET's
/// <see cref="Process.Kill()"/> is SIGKILL, which is kept for processes that do not stop in time).</summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    public static void Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            return;
        }

        _ = Kill(pid, SigTerm); // fails only when the process is gone already
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
