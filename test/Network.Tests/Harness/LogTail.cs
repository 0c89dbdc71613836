namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>The end of log files, for the message of a failed test: so much of each, its lines shortened.</summary>
internal static class LogTail
{
    private const int MaxLineLength = 300;

    /// <summary>The last <paramref name="lines"/> lines of each log, under its name.</summary>
    public static string Of(IEnumerable<(string Name, string File)> logs, int lines = 30) => string.Join(
        Environment.NewLine,
        logs.Select(log => $"--- {log.Name} (last {lines} lines) ---{Environment.NewLine}{string.Join(Environment.NewLine, Read(log.File, lines))}"));

    private static IEnumerable<string> Read(string file, int lines)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var tail = new Queue<string>();
            while (reader.ReadLine() is { } line)
            {
                tail.Enqueue(line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "…");
                if (tail.Count > lines)
                {
                    tail.Dequeue();
                }
            }

            return tail;
        }
        catch (IOException e)
        {
            return [$"(unreadable: {e.Message})"];
        }
    }
}
