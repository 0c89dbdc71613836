namespace Orleans.Blockchain.Cli.Miners;

/// <summary>The two ports of one silo of a miner: the one its fellow silos reach it on, and the one gateways
/// (Orleans clients) connect to. <see cref="Number"/> counts the miner's silos from 1.</summary>
internal sealed record SiloPorts(int Number, int Silo, int Gateway)
{
    /// <summary>"silo" when the miner has one, "silo2" when it has several: in log names, messages and the process list.</summary>
    public string Name(bool numbered) => numbered ? $"silo{Number}" : "silo";

    /// <summary>Each port with what it is for, as an error message names it.</summary>
    public IEnumerable<(int Port, string Use)> All(bool numbered) => [(Silo, Name(numbered)), (Gateway, $"{Name(numbered)} gateway")];
}
