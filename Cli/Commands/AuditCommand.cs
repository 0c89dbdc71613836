using System.CommandLine;
using System.Globalization;
using Orleans.Blockchain.Cli.Audit;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>audit [--state FILE] [--watch SECONDS]</c>: checks that a miner's chain still contains the tip this
/// audit saw last time (per network), checks the blocks after it, and moves the remembered tip forward.</summary>
internal static class AuditCommand
{
    public static Command Create(ClientOptions client)
    {
        var state = new Option<string?>("--state") { HelpName = "FILE", Description = $"Where the audit remembers each network's tip (default: {AuditState.DefaultPath})" };
        var watch = new Option<double?>("--watch") { HelpName = "SECONDS", Description = "Audit again every SECONDS until Ctrl-C or a rewritten history" };
        var command = new Command("audit", "Check that the miner's chain still contains the tip seen last time (history not rewritten), then remember its new tip.")
        {
            state, watch,
        };
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var every = parse.GetValue(watch);
            if (every is not null && !(every > 0))
            {
                throw new CommandException("--watch must be a positive number of seconds");
            }

            var file = new AuditState(parse.GetValue(state) ?? AuditState.DefaultPath);
            using var gateway = client.Connect(parse);
            var auditor = new ChainAuditor(gateway, TimeProvider.System);
            if (every is null)
            {
                return await AuditOnceAsync(auditor, file, output, parse.InvocationConfiguration.Error, cancellation) ? CommandAction.Succeeded : CommandAction.Failed;
            }

            try
            {
                while (true)
                {
                    try
                    {
                        if (!await AuditOnceAsync(auditor, file, output, parse.InvocationConfiguration.Error, cancellation))
                        {
                            return CommandAction.Failed;
                        }
                    }
                    catch (CommandException e)
                    {
                        // An unreachable miner may be restarting: say so and look again.
                        await parse.InvocationConfiguration.Error.WriteLineAsync($"{Now()}  error: {e.Message}");
                    }

                    await Task.Delay(TimeSpan.FromSeconds(every.Value), cancellation);
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return CommandAction.Succeeded; // Ctrl-C is how a watch ends
            }
        });
    }

    /// <summary>One audit; the state moves forward only when the remembered history still holds.</summary>
    private static async Task<bool> AuditOnceAsync(ChainAuditor auditor, AuditState file, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var networks = file.Load();
        var outcome = await auditor.AuditAsync(networks, cancellation);
        if (!outcome.Holds)
        {
            await error.WriteLineAsync($"error: audit failed: {outcome.Line}");
            return false;
        }

        networks[outcome.Genesis] = outcome.Remembered!;
        file.Save(networks);
        await output.WriteLineAsync($"audit: {outcome.Line}");
        await output.FlushAsync(cancellation);
        return true;
    }

    private static string Now() => DateTimeOffset.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
