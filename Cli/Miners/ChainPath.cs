using System.Globalization;
using System.Text.RegularExpressions;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary>The seed's <c>CHAIN_PATH</c>: the chain file decides the miner's data directory and name,
/// e.g. <c>data/alice.chain</c> is the miner <c>alice</c> keeping its files in <c>data</c>.</summary>
internal sealed partial record ChainPath(string DataDirectory, string Name)
{
    public const string Extension = ".chain";

    public static ChainPath Parse(string path)
    {
        var file = Path.GetFileName(path);
        var name = file.EndsWith(Extension, StringComparison.Ordinal) ? file[..^Extension.Length] : file;
        if (!ValidName().IsMatch(name))
        {
            throw new InvalidSettingException("the chain path", path, "must name a chain file like data/alice.chain: letters, digits, '_', '.' or '-' (at most 64) before .chain");
        }

        var directory = Path.GetDirectoryName(path);
        return new ChainPath(Path.GetFullPath(string.IsNullOrEmpty(directory) ? "." : directory), name);
    }

    /// <summary><c>--force-new-chain</c>: moves the chain file, its hash and its older versions into a new
    /// folder <c>&lt;name&gt;.old-&lt;time&gt;</c>, so the miner starts a new chain and nothing is deleted.
    /// The pool and the neighbours stay: accepted messages are never dropped. Returns the folder, or null when there was no chain.</summary>
    public string? MoveAside(DateTimeOffset now)
    {
        if (!Directory.Exists(DataDirectory))
        {
            return null;
        }

        var version = new Regex($"^{Regex.Escape(Name)}_\\d{{8}}_\\d{{6}}$", RegexOptions.CultureInvariant);
        var files = Directory.EnumerateFiles(DataDirectory)
            .Where(path => Path.GetFileName(path) is var file && (file == Name + Extension || file == Name + ".hash" || version.IsMatch(file)))
            .ToList();
        if (files.Count == 0)
        {
            return null;
        }

        var aside = Path.Combine(DataDirectory, $"{Name}.old-{now.UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(aside);
        foreach (var file in files)
        {
            File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        }

        return aside;
    }

    // The silo's rule for Miner:Name, checked here so a bad path fails before anything starts.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
