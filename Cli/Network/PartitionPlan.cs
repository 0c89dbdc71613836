using System.Globalization;

namespace Orleans.Blockchain.Cli.Network;

/// <summary>A staged partition of a local network: groups of miner numbers (1-based), written <c>1,2/3,4</c>. Miners
/// the groups leave out form one more group together, so that no miner bridges the cut. Each miner is told to ignore
/// every miner outside its own group.</summary>
internal sealed record PartitionPlan(IReadOnlyList<IReadOnlyList<int>> Groups)
{
    /// <summary>Parses <paramref name="text"/> for a network of <paramref name="miners"/> miners; a one-line error names
    /// what is wrong (a miner the network does not have, a miner in two groups, fewer than two groups).</summary>
    public static PartitionPlan Parse(string text, int miners)
    {
        var given = text.Split('/', StringSplitOptions.TrimEntries).Select(group => group.Split(',', StringSplitOptions.TrimEntries)).ToList();
        if (given.Count < 2)
        {
            throw new CommandException($"'{text}' is a single group: give two or more groups of miner numbers, e.g. 1,2/3,4");
        }

        var seen = new HashSet<int>();
        var groups = new List<IReadOnlyList<int>>();
        foreach (var group in given)
        {
            var numbers = new List<int>();
            foreach (var item in group)
            {
                if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > miners)
                {
                    throw new CommandException($"'{item}' in '{text}' is not a miner of this network (it has miners 1 to {miners})");
                }

                if (!seen.Add(number))
                {
                    throw new CommandException($"miner {number} is in two groups of '{text}'");
                }

                numbers.Add(number);
            }

            groups.Add(numbers);
        }

        var rest = Enumerable.Range(1, miners).Where(n => !seen.Contains(n)).ToList();
        return new PartitionPlan(rest.Count > 0 ? [.. groups, rest] : groups);
    }

    /// <summary>The miners (numbers) that miner <paramref name="number"/> must ignore: all outside its group.</summary>
    public IEnumerable<int> CutOffFor(int number) => Groups.Where(g => !g.Contains(number)).SelectMany(g => g);

    public override string ToString() => Describe(Groups);

    /// <summary>"1,2 / 3,4".</summary>
    public static string Describe(IEnumerable<IEnumerable<int>> groups) => string.Join(" / ", groups.Select(g => string.Join(",", g)));
}
