using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Network;

/// <summary>A process <c>network up</c> started: enough to find it again and to be sure it is still the same
/// process (a PID alone may have been reused by then): its start time as the OS reports it, and the program
/// its command line must still name. <see cref="Number"/> tells a miner's silos apart (1 for anything else,
/// and for records written before miners had several); the network's own Redis is recorded under the name
/// <see cref="LocalRedis.Name"/>.</summary>
internal sealed record RecordedProcess(string Miner, MinerRole Role, int Pid, DateTimeOffset StartedAt, string Program, int Number = 1)
{
    /// <summary>Whether it is this process of the plan.</summary>
    public bool Is(string miner, MinerRole role, int number) => Miner == miner && Role == role && Number == number;

    /// <summary>"silo", "silo2", "gateway", "redis"; <paramref name="numbered"/> when its miner has several silos.</summary>
    public string Name(bool numbered) => Role == MinerRole.Silo && numbered ? $"silo{Number}" : Role.ToString().ToLowerInvariant();
}
