using System.CommandLine;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary>How every command runs: its output goes to the invocation's writer, and a <see cref="CommandException"/>
/// (or a file system error) becomes one line on stderr and exit code 1; an <see cref="InvalidSettingException"/>, exit code 2.</summary>
internal static class CommandAction
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int Interrupted = 130; // 128 + SIGINT, as shells report Ctrl-C

    public static Command SetCommandAction(this Command command, Func<ParseResult, TextWriter, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                return await run(parse, parse.InvocationConfiguration.Output, cancellation);
            }
            catch (InvalidSettingException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                return InvalidSettingException.ExitCode;
            }
            catch (Exception e) when (e is CommandException or IOException or UnauthorizedAccessException)
            {
                // Files (data directory, logs, records) fail with messages that already name the path.
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                return Failed;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return Interrupted;
            }
        });
        return command;
    }
}
