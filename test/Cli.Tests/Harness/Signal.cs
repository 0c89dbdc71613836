using System.Diagnostics;

namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>Ctrl-C for a process the test started: SIGINT, as a terminal sends it.</summary>
public static class Signal
{
    public static async Task InterruptAsync(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
