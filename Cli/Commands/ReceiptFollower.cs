using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>add --wait</c>: looks at a message's receipt until it is in a block with enough confirmations,
/// reporting each change (pending → in block h → n confirmations, or a move to another block after a reorganisation).</summary>
internal sealed class ReceiptFollower(GatewayClient gateway, Guid id, int confirmations, TimeSpan interval)
{
    public async Task RunAsync(Action<MessageReceipt> changed, TimeSpan timeout, CancellationToken cancellation)
    {
        MessageReceipt? last = null;
        var done = await Poll.UntilAsync(async token =>
        {
            var receipt = await gateway.GetReceiptAsync(id, token);
            if (receipt != last)
            {
                changed(receipt);
                last = receipt;
            }

            return receipt.Status == MessageStatus.InBlock && receipt.Confirmations >= confirmations;
        }, timeout, interval, cancellation);

        if (!done)
        {
            throw new CommandException($"message {id} is still {(last is null ? "unknown" : ReceiptText.Describe(last))} after {timeout.TotalSeconds:0} s (blocks are only mined while messages arrive)");
        }
    }
}
