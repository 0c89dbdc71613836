namespace Orleans.Blockchain.Cli;

/// <summary>A setting (an option, an argument or an environment variable) has a value the CLI cannot use: one line that
/// names the setting, the value and what is allowed, and exit code <see cref="ExitCode"/> (a usage error, as the miner's
/// programs end on bad configuration), e.g. <c>--miners 0 is not allowed: it must be between 1 and 100</c>.</summary>
internal sealed class InvalidSettingException(string setting, object? value, string allowed)
    : CommandException($"{setting} {Quote(value)} is not allowed: it {allowed}")
{
    public const int ExitCode = 2;

    private static string Quote(object? value) => value switch
    {
        null => "(unset)",
        string text when text.Length == 0 || text.Any(char.IsWhiteSpace) => $"'{text}'",
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
