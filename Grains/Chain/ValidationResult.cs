namespace Orleans.Blockchain.Chain;

/// <summary>Whether a block or chain follows the rules, and if not, which block broke which rule.</summary>
public readonly record struct ValidationResult(bool IsValid, string? Reason, long? FailedHeight)
{
    public static readonly ValidationResult Valid = new(true, null, null);

    public static ValidationResult Invalid(long height, string reason) => new(false, $"block {height}: {reason}", height);
}
