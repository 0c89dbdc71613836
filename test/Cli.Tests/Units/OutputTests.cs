using System.CommandLine;
using Orleans.Blockchain.Cli.Commands;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Tests.Units;

public sealed class OutputTests
{
    [Fact]
    public void Tables_pad_columns_to_their_widest_cell()
    {
        var output = new StringWriter();
        new Table("A", "LONGER").Add("wide cell", "x").Add("y", "z").WriteTo(output);

        Assert.Equal("A          LONGER\nwide cell  x\ny          z\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_empty_table_can_say_so()
    {
        var output = new StringWriter();
        new Table("URL") { Empty = "no neighbours" }.WriteTo(output);

        Assert.Equal("no neighbours", output.ToString().Trim());
    }

    [Fact]
    public void Text_from_the_network_cannot_break_or_restyle_the_terminal()
    {
        var output = new StringWriter();
        new Table("TEXT").Add("line\nbreak \u001b[31mred").WriteTo(output);

        Assert.Equal("line break  [31mred", output.ToString().ReplaceLineEndings("\n").Split('\n')[1]);
    }

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis() =>
        Assert.Equal(new string('x', 59) + "…", Printable.Truncate(new string('x', 100)));

    [Theory]
    [InlineData("")]
    [InlineData("miner")]
    [InlineData("miner start")]
    [InlineData("network")]
    [InlineData("network up")]
    [InlineData("network status")]
    [InlineData("network down")]
    [InlineData("add")]
    [InlineData("get")]
    [InlineData("get chain")]
    [InlineData("get neighbours")]
    [InlineData("get data")]
    [InlineData("get status")]
    [InlineData("get block")]
    [InlineData("get message")]
    [InlineData("health")]
    [InlineData("neighbours")]
    [InlineData("neighbours add")]
    [InlineData("neighbours remove")]
    [InlineData("watch")]
    public async Task Every_command_has_help(string command)
    {
        var output = new StringWriter();

        var exitCode = await BlockchainCommand.Create().Parse([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });

        Assert.Equal(0, exitCode);
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        var usage = lines[Array.IndexOf(lines, "Usage:") + 1];
        Assert.Contains($" {command}", usage, StringComparison.Ordinal); // in-process, usage starts with the test host's name, not "blockchain"
    }
}
