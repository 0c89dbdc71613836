using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Network;

/// <summary>A process <c>network up</c> started: enough to find it again and to be sure it is still the same
/// process (a PID alone may have been reused by then): its start time as the OS reports it, and the program
/// its command line must still name.</summary>
internal sealed record RecordedProcess(string Miner, MinerRole Role, int Pid, DateTimeOffset StartedAt, string Program);
