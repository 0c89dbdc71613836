namespace Orleans.Blockchain.Cli.Output;

/// <summary>A plain text table: a header row, then one row per item, columns padded to their widest cell. A row may
/// be followed by free lines of its own (<see cref="AddLine"/>), which take no part in the columns.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<(string[] Cells, List<string> Lines)> _rows = [];

    /// <summary>Written instead of a lone header row when the table has no rows, e.g. "no neighbours".</summary>
    public string? Empty { get; init; }

    public Table Add(params string[] cells)
    {
        _rows.Add(([.. cells.Select(Printable.Cell)], []));
        return this;
    }

    /// <summary>A line written as it is under the last row added (its caller makes it printable and short).</summary>
    public Table AddLine(string line)
    {
        _rows[^1].Lines.Add(line);
        return this;
    }

    public void WriteTo(TextWriter output)
    {
        if (_rows.Count == 0 && Empty is not null)
        {
            output.WriteLine(Empty);
            return;
        }

        var widths = headers.Select((header, i) => _rows.Select(row => row.Cells.ElementAtOrDefault(i)?.Length ?? 0).Prepend(header.Length).Max()).ToArray();
        WriteRow(output, headers, widths);
        foreach (var (cells, lines) in _rows)
        {
            WriteRow(output, cells, widths);
            lines.ForEach(output.WriteLine);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", widths.Select((width, i) => (cells.ElementAtOrDefault(i) ?? "").PadRight(width))).TrimEnd());
}
