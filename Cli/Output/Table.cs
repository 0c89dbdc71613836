namespace Orleans.Blockchain.Cli.Output;

/// <summary>A plain text table: a header row, then one row per item, columns padded to their widest cell.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Written instead of a lone header row when the table has no rows, e.g. "no neighbours".</summary>
    public string? Empty { get; init; }

    public Table Add(params string[] cells)
    {
        _rows.Add([.. cells.Select(Printable.Cell)]);
        return this;
    }

    public void WriteTo(TextWriter output)
    {
        if (_rows.Count == 0 && Empty is not null)
        {
            output.WriteLine(Empty);
            return;
        }

        var widths = headers.Select((header, i) => _rows.Select(row => row.ElementAtOrDefault(i)?.Length ?? 0).Prepend(header.Length).Max()).ToArray();
        WriteRow(output, headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", widths.Select((width, i) => (cells.ElementAtOrDefault(i) ?? "").PadRight(width))).TrimEnd());
}
