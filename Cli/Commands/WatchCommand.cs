using System.CommandLine;
using System.Globalization;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>watch</c>: a live view of one miner, a line every interval, until Ctrl-C (or <c>--count</c> lines).</summary>
internal static class WatchCommand
{
    public static Command Create(ClientOptions client)
    {
        var interval = new Option<double>("--interval", "-i") { HelpName = "SECONDS", Description = "Seconds between looks", DefaultValueFactory = _ => 2 };
        var count = new Option<int?>("--count", "-n") { HelpName = "N", Description = "Stop after this many looks (default: until Ctrl-C)" };
        var command = new Command("watch", "Watch a miner live: tip, pool, peers and mining, a line every interval, until Ctrl-C.") { interval, count };
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var every = PositiveSeconds.Of("--interval", parse.GetValue(interval));
            var limit = parse.GetValue(count);
            if (limit <= 0)
            {
                throw new InvalidSettingException("--count", limit, "must be 1 or more");
            }

            using var gateway = client.Connect(parse);
            var watcher = new MinerWatcher(gateway);
            var json = client.IsJson(parse);
            if (!json)
            {
                await output.WriteLineAsync(MinerWatcher.Header);
            }

            var lastSucceeded = false;
            try
            {
                for (var looks = 0; limit is null || looks < limit; looks++)
                {
                    if (looks > 0)
                    {
                        await Task.Delay(every, cancellation);
                    }

                    lastSucceeded = await LookAsync(watcher, output, parse.InvocationConfiguration.Error, json, cancellation);
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return CommandAction.Succeeded; // Ctrl-C is how a watch ends
            }

            return lastSucceeded ? CommandAction.Succeeded : CommandAction.Failed;
        });
    }

    /// <summary>One look; an unreachable miner is reported and watched on (it may be restarting).</summary>
    private static async Task<bool> LookAsync(MinerWatcher watcher, TextWriter output, TextWriter error, bool json, CancellationToken cancellation)
    {
        var at = DateTimeOffset.UtcNow;
        try
        {
            var sample = await watcher.SampleAsync(at, cancellation);
            if (json)
            {
                JsonOutput.WriteLine(output, sample);
            }
            else
            {
                await output.WriteLineAsync(MinerWatcher.Row(sample));
            }

            await output.FlushAsync(cancellation);
            return true;
        }
        catch (CommandException e)
        {
            await error.WriteLineAsync($"{at.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  error: {e.Message}");
            return false;
        }
    }
}
