using System.Text.Json;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Gateway;

namespace Orleans.Blockchain.Cli.Authors;

/// <summary>An author's Ed25519 key pair as <c>keygen</c> writes it: raw keys in lowercase hex, and the fingerprint
/// others see. The file is created readable by its owner only.</summary>
internal sealed record AuthorKey(string Algorithm, string PublicKey, string PrivateKey, string Fingerprint)
{
    public const string Ed25519 = "Ed25519";

    public static AuthorKey Create()
    {
        var (privateKey, publicKey) = MessageSignature.CreateKey();
        var publicHex = Convert.ToHexStringLower(publicKey);
        return new AuthorKey(Ed25519, publicHex, Convert.ToHexStringLower(privateKey), MessageSignature.Fingerprint(publicHex));
    }

    public static AuthorKey Load(string path)
    {
        AuthorKey? key;
        try
        {
            key = JsonSerializer.Deserialize<AuthorKey>(File.ReadAllText(path), GatewayJson.Options);
        }
        catch (JsonException e)
        {
            throw new CommandException($"{path} is not a key file made by `keygen` ({e.Message})");
        }

        if (key is not { Algorithm: Ed25519, PrivateKey.Length: 64 } || !key.PrivateKey.All(char.IsAsciiHexDigit))
        {
            throw new CommandException($"{path} is not an Ed25519 key file made by `keygen`");
        }

        return key;
    }

    /// <summary>Signs <paramref name="text"/> now.</summary>
    public MessageAuthor Sign(string text, DateTimeOffset now) =>
        MessageSignature.Sign(Convert.FromHexString(PrivateKey), DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()), text);

    /// <summary>Writes a new file only (never over another key), readable and writable by its owner alone.</summary>
    public void SaveNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        writer.WriteLine(JsonSerializer.Serialize(this, GatewayJson.Indented));
    }
}
