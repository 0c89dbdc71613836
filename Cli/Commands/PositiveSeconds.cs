namespace Orleans.Blockchain.Cli.Commands;

/// <summary>The one rule for every option that takes seconds (<c>--timeout</c>, <c>--interval</c>): a positive number.</summary>
internal static class PositiveSeconds
{
    public static TimeSpan Of(string option, double seconds) =>
        seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidSettingException(option, seconds, "must be a positive number of seconds");
}
