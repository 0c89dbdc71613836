namespace Orleans.Blockchain.Cli.Output;

/// <summary>One thing shown as aligned "name: value" lines (a status, a block, a receipt).</summary>
internal sealed class Details
{
    private readonly List<(string Name, string Value)> _lines = [];

    public Details Add(string name, string value)
    {
        _lines.Add((name, Printable.Cell(value)));
        return this;
    }

    public void WriteTo(TextWriter output)
    {
        var width = _lines.Max(line => line.Name.Length) + 1;
        foreach (var (name, value) in _lines)
        {
            output.WriteLine($"{(name + ":").PadRight(width)} {value}");
        }
    }
}
