using System.Diagnostics;

namespace Orleans.Blockchain.Cli.Network;

/// <summary>Starts a process that outlives the CLI: in a session of its own (so Ctrl-C in this terminal does
/// not reach it), with no console: stdin from /dev/null, stdout and stderr appended to a log file.</summary>
internal static class DetachedProcess
{
    // The shell only redirects and then execs the program (through setsid where it exists), so the PID
    // .NET reports is the program's own. Arguments pass as "$@": nothing is ever re-parsed by the shell.
    private const string Script = """
        log=$1; shift
        if command -v setsid >/dev/null 2>&1; then set -- setsid "$@"; fi
        exec "$@" </dev/null >>"$log" 2>&1
        """;

    public static Process Start(ProcessStartInfo program, string logPath)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = program.WorkingDirectory };
        foreach (var argument in new[] { "-c", Script, "blockchain-miner", logPath, program.FileName }.Concat(program.ArgumentList))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in program.Environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new CommandException($"could not start {program.FileName}");
    }
}
