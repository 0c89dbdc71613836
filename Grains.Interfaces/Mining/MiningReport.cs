namespace Orleans.Blockchain.Mining;

/// <summary>What the mining threads of one silo are doing, reported every few seconds.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="IsMining">Searching now (false: idle, the pool is empty).</param>
/// <param name="HashesPerSecond">Nonces tried per second over the last report period.</param>
/// <param name="Threads">Mining threads of the silo.</param>
/// <param name="At">When the report was made.</param>
[GenerateSerializer, Immutable, Alias("MiningReport")]
public sealed record MiningReport(
    [property: Id(0)] string Silo,
    [property: Id(1)] bool IsMining,
    [property: Id(2)] double HashesPerSecond,
    [property: Id(3)] int Threads,
    [property: Id(4)] DateTimeOffset At);
