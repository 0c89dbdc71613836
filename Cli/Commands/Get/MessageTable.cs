using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands.Get;

/// <summary>Messages as a table (pending ones, or a block's), long texts cut short.</summary>
internal static class MessageTable
{
    public static Table Of(IEnumerable<Message> messages, string? empty = null)
    {
        var table = new Table("ID", "ACCEPTED", "AUTHOR", "TEXT") { Empty = empty };
        foreach (var message in messages)
        {
            table.Add(message.Id.ToString(), Printable.Time(message.AcceptedAt), message.Author?.Fingerprint ?? "-", Printable.Truncate(message.Text));
        }

        return table;
    }
}
