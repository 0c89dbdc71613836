namespace Orleans.Blockchain.Cli.Audit;

/// <summary>A block an audit saw in a chain: its height and hash.</summary>
internal sealed record RememberedBlock(long Height, string Hash);
