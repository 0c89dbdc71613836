using System.Text;

namespace Orleans.Blockchain.Chain;

/// <summary>
/// Checks blocks and chains from anywhere (a peer, the disk, our own miner) against <see cref="ChainRules"/>:
/// genesis matches; indexes step by one; previous hashes link; each hash is recomputed and meets the
/// difficulty; timestamps never go back and are not too far in the future; size limits hold; no message
/// id appears twice in a chain. The first broken rule is reported with the block's height.
/// </summary>
public sealed class ChainValidator(ChainRules rules, TimeProvider clock)
{
    public ChainRules Rules => rules;

    /// <summary>Validates a whole chain, genesis first. A chain read back from our own disk skips the check
    /// against the clock (<paramref name="stored"/>): a clock stepped back must not make our own blocks invalid.</summary>
    public ValidationResult ValidateChain(IReadOnlyList<Block> chain, bool stored = false)
    {
        if (chain.Count == 0)
        {
            return ValidationResult.Invalid(0, "the chain is empty");
        }

        if (!SameBlock(chain[0], rules.Genesis))
        {
            return ValidationResult.Invalid(0, "genesis does not match this network's genesis");
        }

        return ValidateExtension(chain[0], chain.Skip(1).ToList(), _ => false, stored);
    }

    /// <summary>Validates <paramref name="blocks"/> as the continuation of a chain ending in <paramref name="previous"/>;
    /// <paramref name="isRecorded"/> tells whether that chain already holds a message id.</summary>
    public ValidationResult ValidateExtension(Block previous, IReadOnlyList<Block> blocks, Predicate<Guid> isRecorded, bool stored = false)
    {
        var seen = new HashSet<Guid>();
        foreach (var block in blocks)
        {
            var result = ValidateBlock(block, previous, stored);
            if (!result.IsValid)
            {
                return result;
            }

            foreach (var message in block.Messages)
            {
                if (isRecorded(message.Id) || !seen.Add(message.Id))
                {
                    return ValidationResult.Invalid(block.Index, $"message {message.Id} is already in the chain");
                }
            }

            previous = block;
        }

        return ValidationResult.Valid;
    }

    /// <summary>Validates one block on top of <paramref name="previous"/>, except for duplicates across blocks.</summary>
    public ValidationResult ValidateBlock(Block block, Block previous, bool stored = false)
    {
        var height = block.Index;
        if (CheckShape(block) is { } malformed)
        {
            return ValidationResult.Invalid(height, malformed);
        }

        if (block.Index != previous.Index + 1)
        {
            return ValidationResult.Invalid(height, $"index {block.Index} does not follow {previous.Index}");
        }

        if (block.PreviousHash != previous.Hash)
        {
            return ValidationResult.Invalid(height, "previous hash does not match the block before it");
        }

        if (block.Difficulty != rules.Difficulty)
        {
            return ValidationResult.Invalid(height, $"difficulty {block.Difficulty} is not the network's {rules.Difficulty}");
        }

        if (!IsWholeUtcMilliseconds(block.Timestamp))
        {
            return ValidationResult.Invalid(height, "timestamp is not in whole milliseconds UTC");
        }

        if (block.Timestamp < previous.Timestamp)
        {
            return ValidationResult.Invalid(height, "timestamp is earlier than the block before it");
        }

        if (!stored && block.Timestamp > clock.GetUtcNow() + rules.MaxFutureDrift)
        {
            return ValidationResult.NotYetValid(height, "timestamp is too far in the future");
        }

        var contentError = CheckMessages(block);
        if (contentError is not null)
        {
            return ValidationResult.Invalid(height, contentError);
        }

        if (!HashMatches(block))
        {
            return ValidationResult.Invalid(height, "hash does not match the block's content");
        }

        return ProofOfWork.Meets(block.Hash, rules.Difficulty)
            ? ValidationResult.Valid
            : ValidationResult.Invalid(height, $"hash does not have {rules.Difficulty} leading zero digits");
    }

    /// <summary>What makes a block unreadable (missing fields, malformed hashes), before any rule is checked:
    /// input from peers is JSON, and JSON can leave out anything.</summary>
    public static string? CheckShape(Block? block) => block switch
    {
        null => "no block",
        { Messages.IsDefault: true } => $"block {block.Index}: no message list",
        _ when block.Messages.Any(m => m is null || m.Text is null) => $"block {block.Index}: a message is missing or has no text",
        _ when !IsHash(block.Hash) || !IsHash(block.PreviousHash) => $"block {block.Index}: hashes must be 64 lowercase hex digits",
        _ => null,
    };

    /// <summary>Whether a text is a hash as blocks carry them: 64 lowercase hex digits.</summary>
    public static bool IsHash(string? text) =>
        text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Whether the block's stored hash is the hash of its content.</summary>
    public static bool HashMatches(Block block)
    {
        try
        {
            return block.Hash == BlockHeader.ComputeHash(block);
        }
        catch (FormatException)
        {
            return false; // a malformed previous hash
        }
    }

    /// <summary>Whether a message may enter a pool or a block: its text passes <see cref="MessageText"/>, its time is
    /// canonical, its id is derived from the content.</summary>
    public string? CheckMessage(Message message)
    {
        if (MessageText.Problem(message.Text, rules.MaxMessageLength) is { } problem)
        {
            return $"message {message.Id}: {problem}";
        }

        if (!IsWholeUtcMilliseconds(message.AcceptedAt))
        {
            return $"message {message.Id} time is not in whole milliseconds UTC";
        }

        if (message.Author is { } author && (!IsWholeUtcMilliseconds(author.SignedAt) || !MessageSignature.Verifies(author, message.Text)))
        {
            return $"message {message.Id}: the signature does not verify";
        }

        return message.Id == Message.IdFor(message.Text, message.AcceptedAt, message.Author) ? null : $"message {message.Id} id does not match its content";
    }

    private string? CheckMessages(Block block)
    {
        if (block.Messages.IsDefaultOrEmpty)
        {
            return "a block must carry at least one message";
        }

        if (block.Messages.Length > rules.MaxMessagesPerBlock)
        {
            return $"{block.Messages.Length} messages exceed the limit of {rules.MaxMessagesPerBlock}";
        }

        var bytes = 0;
        foreach (var message in block.Messages)
        {
            if (CheckMessage(message) is { } error)
            {
                return error;
            }

            bytes += Encoding.UTF8.GetByteCount(message.Text);
        }

        return bytes > rules.MaxBlockTextBytes ? $"{bytes} bytes of text exceed the limit of {rules.MaxBlockTextBytes}" : null;
    }

    private static bool SameBlock(Block a, Block b) =>
        a.Index == b.Index && a.Timestamp == b.Timestamp && a.PreviousHash == b.PreviousHash
        && a.Difficulty == b.Difficulty && a.Nonce == b.Nonce && a.Hash == b.Hash && a.Messages.IsDefaultOrEmpty && b.Messages.IsDefaultOrEmpty;

    private static bool IsWholeUtcMilliseconds(DateTimeOffset time) =>
        time.Offset == TimeSpan.Zero && time.Ticks % TimeSpan.TicksPerMillisecond == 0;
}
