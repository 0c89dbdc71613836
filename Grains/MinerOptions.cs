using System.ComponentModel.DataAnnotations;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain;

/// <summary>What a miner is and how it behaves; bound from the <c>Miner</c> configuration section
/// (appsettings.json, environment <c>Miner__Difficulty=5</c>, or command line <c>--difficulty 5</c>).</summary>
public sealed class MinerOptions
{
    public const string Section = "Miner";

    /// <summary>Names the data files: <c>&lt;Name&gt;.chain</c>, <c>&lt;Name&gt;.hash</c>, ...</summary>
    [Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    public string Name { get; set; } = "miner";

    /// <summary>Where the chain, pool and neighbour files live; relative paths are relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Leading zero hex digits of every block hash; part of the network's identity.</summary>
    [Range(0, 16)]
    public int Difficulty { get; set; } = 4;

    [Range(1, 10_000)]
    public int MaxMessagesPerBlock { get; set; } = 100;

    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 1_000;

    /// <summary>Pending messages a pool holds before it refuses new ones.</summary>
    [Range(1, 1_000_000)]
    public int MaxPoolSize { get; set; } = 10_000;

    /// <summary>The share of <see cref="MaxPoolSize"/> that messages from peers can never take: room kept for this
    /// miner's own users, so a flooding peer cannot make <c>PUT /add</c> answer "pool full".</summary>
    [Range(1, 100)]
    public int PoolPercentKeptForUsers { get; set; } = 25;

    /// <summary>Messages the data sync takes from one peer per round, at most.</summary>
    [Range(1, 100_000)]
    public int MaxPeerMessagesPerRound { get; set; } = 1_000;

    [Range(0, 1_000)]
    public int MaxNeighbours { get; set; } = 3;

    /// <summary>The URL peers reach this miner's gateway at; never added as its own neighbour.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Peer gateway URLs to start with.</summary>
    public List<string> Neighbours { get; set; } = [];

    /// <summary>Mining threads; 0 means one per core.</summary>
    [Range(0, 1_024)]
    public int MiningThreads { get; set; }

    /// <summary>Timestamped older chain files kept beside the current one.</summary>
    [Range(0, 10_000)]
    public int BackupRetention { get; set; } = 10;

    /// <summary>The most bytes the older chain versions take together; the newest is kept whatever its size.</summary>
    [Range(0, long.MaxValue)]
    public long BackupMaxBytes { get; set; } = 1L << 30;

    /// <summary>The most a peer's answer may weigh; a larger one is cut off and counts as a failure.</summary>
    [Range(1_024, 1L << 32)]
    public long MaxPeerResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Failed gossip rounds in a row after which a peer learned by gossip is dropped.</summary>
    [Range(1, 1_000)]
    public int MaxPeerFailures { get; set; } = 3;

    /// <summary>How long a dropped peer is refused, so that gossip cannot hand it straight back.</summary>
    public TimeSpan PeerQuarantine { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a peer that served what no honest peer serves is refused (per host and port).</summary>
    public TimeSpan PeerBanDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Banned and dropped peers remembered at most; past it, the refusal that ends first is forgotten.</summary>
    [Range(1, 1_000_000)]
    public int MaxRefusedPeers { get; set; } = 1_000;

    public TimeSpan BackupInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan GossipInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The first gossip round comes soon after start, so a new miner finds its peers in seconds.</summary>
    public TimeSpan FirstGossipDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ChainSyncInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most time one chain-sync round spends on one peer; a longer catch-up goes on next round.</summary>
    public TimeSpan ChainSyncRoundBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most bytes of blocks one chain-sync round takes from one peer; a longer catch-up goes on next round.</summary>
    [Range(1_024, 1L << 40)]
    public long ChainSyncRoundBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The most bytes of a peer's branch held while it does not win the fork choice yet (a deep fork).</summary>
    [Range(1_024, 1L << 32)]
    public long MaxForkBytes { get; set; } = 64L * 1024 * 1024;

    public TimeSpan DataSyncInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pending messages the pool takes from peers, at most: the pool less the room kept for users.</summary>
    public int MaxPoolFromPeers => MaxPoolSize - (int)Math.Ceiling(MaxPoolSize * PoolPercentKeptForUsers / 100.0);

    public int EffectiveMiningThreads => MiningThreads > 0 ? MiningThreads : Environment.ProcessorCount;

    public ChainRules ToChainRules() => new(Difficulty, MaxMessagesPerBlock, MaxMessageLength);
}
