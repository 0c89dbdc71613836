using System.Text.Json;
using Orleans.Blockchain.Cli.Gateway;

namespace Orleans.Blockchain.Cli.Network;

/// <summary><c>processes.json</c> in the network's data directory: the processes <c>network up</c> started,
/// written as each starts (so even an interrupted <c>up</c> can be taken down) and removed by <c>network down</c>.</summary>
internal sealed class ProcessRecord(string dataDirectory)
{
    public const string FileName = "processes.json";

    public string Path => System.IO.Path.Combine(dataDirectory, FileName);

    public bool Exists => File.Exists(Path);

    public IReadOnlyList<RecordedProcess> Load()
    {
        if (!Exists)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<RecordedProcess>>(File.ReadAllText(Path), GatewayJson.Options) ?? [];
        }
        catch (JsonException e)
        {
            throw new CommandException($"{Path} is damaged ({e.Message}); its processes must be stopped by hand");
        }
    }

    public void Save(IEnumerable<RecordedProcess> processes)
    {
        // Written whole to a temporary file, then renamed over the old one: never half a record.
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(processes, GatewayJson.Indented));
        File.Move(temporary, Path, overwrite: true);
    }

    public void Delete()
    {
        if (Exists)
        {
            File.Delete(Path);
        }
    }
}
