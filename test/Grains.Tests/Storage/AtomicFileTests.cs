using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Blockchain.Network.Tests.Harness;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Tests.Storage;

/// <summary>What <see cref="AtomicFile"/> asks of the kernel, as strace sees it: the new content is fsynced before the
/// rename, and the directory after it, so that the rename itself survives a power loss.</summary>
public sealed partial class AtomicFileTests
{
    [Fact]
    public async Task Fsyncs_the_file_then_renames_it_then_fsyncs_the_directory()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/strace"))
        {
            Assert.Skip("needs Linux and strace (apt-get install strace)");
        }

        using var directory = new TempDirectory();
        var target = Path.Combine(directory.Path, "state.json");
        var trace = Path.Combine(directory.Path, "trace.txt");

        // strace attaches to every thread of this test process, then says so on stderr ("attached with N threads").
        var start = new ProcessStartInfo("strace") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-f", "-e", "trace=openat,fsync,fdatasync,rename,renameat,renameat2", "-o", trace, "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var strace = Process.Start(start)!;
        var said = new System.Collections.Concurrent.ConcurrentQueue<string>();
        strace.ErrorDataReceived += (_, e) => said.Enqueue(e.Data ?? "");
        strace.BeginErrorReadLine();
        try
        {
            await Poll.UntilAsync(() => Task.FromResult(said.Any(line => line.Contains("attached", StringComparison.Ordinal)) || strace.HasExited), "strace to attach", TimeSpan.FromSeconds(20));
            if (strace.HasExited)
            {
                Assert.Skip($"strace cannot attach here: {string.Join(' ', said)}");
            }

            await AtomicFile.WriteAsync(target, "{}"u8.ToArray());
        }
        finally
        {
            using var interrupt = Process.Start("kill", ["-INT", strace.Id.ToString(CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync();
            await strace.WaitForExitAsync();
        }

        var calls = Merge(File.ReadAllLines(trace)).Where(line => line.Contains(directory.Path, StringComparison.Ordinal) || FsyncCall().IsMatch(line)).ToList();
        var temporary = calls.FindIndex(line => line.Contains("openat(", StringComparison.Ordinal) && line.Contains($"\"{target}.tmp\"", StringComparison.Ordinal));
        var rename = calls.FindIndex(line => line.Contains("rename", StringComparison.Ordinal) && line.Contains($"\"{target}\"", StringComparison.Ordinal));
        var openDirectory = calls.FindIndex(rename + 1, line => line.Contains($"openat(AT_FDCWD, \"{directory.Path}\"", StringComparison.Ordinal));
        Assert.True(temporary >= 0 && rename > temporary && openDirectory > rename, $"write, rename, open directory in this order:\n{string.Join('\n', calls)}");
        Assert.True(SyncsFileOf(calls, temporary, rename), $"the file is fsynced before the rename:\n{string.Join('\n', calls)}");
        Assert.True(SyncsFileOf(calls, openDirectory, calls.Count), $"the directory is fsynced after the rename:\n{string.Join('\n', calls)}");
    }

    /// <summary>Whether the descriptor that line <paramref name="open"/> returned is fsynced before line <paramref name="end"/>.</summary>
    private static bool SyncsFileOf(List<string> calls, int open, int end)
    {
        var descriptor = Returned().Match(calls[open]).Groups[1].Value;
        return calls.Skip(open + 1).Take(end - open - 1).Any(line => line.Contains($"sync({descriptor})", StringComparison.Ordinal) && line.TrimEnd().EndsWith("= 0", StringComparison.Ordinal));
    }

    /// <summary>Joins the halves of calls that other threads interrupted ("... &lt;unfinished ...&gt;" then
    /// "&lt;... fsync resumed&gt;) = 0") into one line, in the order the calls ended.</summary>
    private static List<string> Merge(IEnumerable<string> lines)
    {
        const string unfinished = " <unfinished ...>";
        var started = new Dictionary<string, string>();
        var merged = new List<string>();
        foreach (var line in lines)
        {
            var thread = line.Split(' ', 2)[0];
            if (line.EndsWith(unfinished, StringComparison.Ordinal))
            {
                started[thread] = line[..^unfinished.Length];
            }
            else if (Resumed().Match(line) is { Success: true } resumed && started.Remove(thread, out var start))
            {
                merged.Add(start + resumed.Groups[1].Value);
            }
            else
            {
                merged.Add(line);
            }
        }

        return merged;
    }

    [GeneratedRegex(@"<\.\.\. \w+ resumed>(.*)$")]
    private static partial Regex Resumed();

    [GeneratedRegex(@"f(data)?sync\(\d+\)")]
    private static partial Regex FsyncCall();

    [GeneratedRegex(@"= (\d+)\s*$")]
    private static partial Regex Returned();
}
