namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>Whether a PID runs anything: a process that exited but is not yet reaped (a zombie) does not.</summary>
public static class LiveProcess
{
    public static bool Exists(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false; // gone while we read
        }
    }
}
