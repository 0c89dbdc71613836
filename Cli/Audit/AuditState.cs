using System.Text.Json;
using Orleans.Blockchain.Cli.Gateway;

namespace Orleans.Blockchain.Cli.Audit;

/// <summary>The audit's state file: per network (keyed by its genesis hash) the chain last seen. Written whole to a
/// temporary file and renamed over the old one, so a crash never leaves half a state.</summary>
internal sealed class AuditState(string path)
{
    /// <summary>The default: the user's data folder (on Linux ~/.local/share), shared by every run of this user.</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "orleans-blockchain", "audit.json");

    public string FilePath => path;

    public Dictionary<string, RememberedChain> Load()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, RememberedChain>>(File.ReadAllText(path), GatewayJson.Options) ?? [];
        }
        catch (JsonException e)
        {
            throw new CommandException($"{path} is not an audit state ({e.Message}); move it aside to start again");
        }
    }

    public void Save(Dictionary<string, RememberedChain> networks)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(networks, GatewayJson.Indented));
        File.Move(temporary, path, overwrite: true);
    }
}
