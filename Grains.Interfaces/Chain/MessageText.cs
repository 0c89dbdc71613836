using System.Buffers;
using System.Globalization;
using System.Text;

namespace Orleans.Blockchain.Chain;

/// <summary>The one rule for what a message's text may be, wherever it enters: <c>PUT /add</c>, a peer's pool, a
/// block. It sits beside <see cref="Message"/> so that the gateway (which knows only the contracts) and the chain's
/// validator apply the same rule. Control and format characters (Unicode Cc and Cf, but tab and newline) are refused:
/// NUL, terminal escapes, bidi overrides and zero-width characters would be recorded forever, can disguise what a
/// text says, and cost up to six JSON bytes each.</summary>
public static class MessageText
{
    /// <summary>Why <paramref name="text"/> cannot be a message's text, or null when it can: it must be valid UTF-16,
    /// 1 to <paramref name="maxLength"/> characters (UTF-16 units), hold no Cc or Cf character but tab and newline,
    /// and at least one visible character.</summary>
    public static string? Problem(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "the message is empty";
        }

        if (text.Length > maxLength)
        {
            return $"the message has {text.Length} characters; at most {maxLength} are allowed";
        }

        var visible = false;
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != OperationStatus.Done)
            {
                return $"the message is not valid Unicode: a lone surrogate at position {i}";
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                if (rune.Value is not ('\t' or '\n'))
                {
                    return $"the message holds U+{rune.Value:X4}, a control or format character, at position {i}; only tab and newline are allowed";
                }
            }
            else
            {
                visible |= !Rune.IsWhiteSpace(rune);
            }

            i += length;
        }

        return visible ? null : "the message is empty: it has no visible character";
    }
}
