namespace Orleans.Blockchain.Cli.Network;

/// <summary>One recorded process as <c>network status</c> sees it: "silo", "silo2", "gateway"; its PID (null: none
/// recorded, it was stopped) and whether that PID still runs the process that was started.</summary>
internal sealed record ProcessState(string Name, int? Pid, bool Running)
{
    public static ProcessState Of(string name, RecordedProcess? recorded) =>
        new(name, recorded?.Pid, recorded is not null && ProcessIdentity.IsRunning(recorded));
}
