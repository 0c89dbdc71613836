namespace Orleans.Blockchain.Cli.Output;

/// <summary>How many characters fit on a line: the terminal's width when the output is one; otherwise <c>$COLUMNS</c>
/// (which shells set, and which a script can set to choose), else 80.</summary>
internal static class TerminalWidth
{
    public const int Default = 80;
    public const string Variable = "COLUMNS";

    /// <summary>Never below 20, so that a line always has room for some text.</summary>
    public static int Columns => Math.Max(20, Measure());

    private static int Measure()
    {
        if (!Console.IsOutputRedirected)
        {
            try
            {
                if (Console.WindowWidth > 0)
                {
                    return Console.WindowWidth;
                }
            }
            catch (IOException)
            {
                // No terminal after all: fall through.
            }
        }

        return int.TryParse(Environment.GetEnvironmentVariable(Variable), out var columns) && columns > 0 ? columns : Default;
    }
}
