using System.CommandLine;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>health</c>: exit code 0 when the gateway is up and its miner's silo answers, 1 otherwise.</summary>
internal static class HealthCommand
{
    public static Command Create(ClientOptions client)
    {
        var command = new Command("health", "Check that the gateway is up and its miner answers (exit code 0 when ready, 1 otherwise).");
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            using var gateway = client.Connect(parse);
            var health = await gateway.GetHealthAsync(cancellation);
            if (client.IsJson(parse))
            {
                JsonOutput.Write(output, health.Report);
            }
            else if (health.IsReady)
            {
                await output.WriteLineAsync($"ready ({health.Report.Summary()})");
            }

            return health.IsReady ? CommandAction.Succeeded : throw new CommandException($"{gateway.Address} is not ready: {health.Report.Summary()}");
        });
    }
}
