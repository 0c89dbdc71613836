using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Cli.Output;

/// <summary>A message's receipt in words: "pending", or "in block 7 (00ab…), 2 confirmations".</summary>
internal static class ReceiptText
{
    public static string Describe(MessageReceipt receipt) => receipt.Status switch
    {
        MessageStatus.InBlock => $"in block {receipt.Height} ({Printable.ShortHash(receipt.BlockHash ?? "")}), {receipt.Confirmations} confirmation{(receipt.Confirmations == 1 ? "" : "s")}",
        MessageStatus.Pending => "pending",
        _ => "unknown",
    };
}
