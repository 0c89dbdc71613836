namespace Orleans.Blockchain.Chain;

/// <summary>Whether a block or chain follows the rules, and if not, which block broke which rule.</summary>
/// <param name="IsValid">Whether every rule holds.</param>
/// <param name="Reason">The first broken rule, with the block's height.</param>
/// <param name="FailedHeight">The height of the block that broke it.</param>
/// <param name="IsPermanent">False when the failure depends on this miner's clock (a block "from the future"): the same
/// block may be valid a minute later, so it is not stored now, but its sender is not to blame.</param>
public readonly record struct ValidationResult(bool IsValid, string? Reason, long? FailedHeight, bool IsPermanent = true)
{
    public static readonly ValidationResult Valid = new(true, null, null);

    public static ValidationResult Invalid(long height, string reason) => new(false, $"block {height}: {reason}", height);

    public static ValidationResult NotYetValid(long height, string reason) => new(false, $"block {height}: {reason}", height, IsPermanent: false);
}
