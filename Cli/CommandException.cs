namespace Orleans.Blockchain.Cli;

/// <summary>A command failed for a reason the user can act on; its message is the one line they see.</summary>
internal class CommandException(string message, Exception? inner = null) : Exception(OneLine(message), inner)
{
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
