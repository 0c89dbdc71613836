using Orleans.Blockchain.Cli.Network;

namespace Orleans.Blockchain.Cli.Tests.Units;

/// <summary><c>network partition GROUPS</c>: what the groups mean and what is refused.</summary>
public sealed class PartitionPlanTests
{
    [Fact]
    public void Each_miner_ignores_every_miner_outside_its_group()
    {
        var plan = PartitionPlan.Parse("1,2/3,4", miners: 4);

        Assert.Equal([3, 4], plan.CutOffFor(1));
        Assert.Equal([3, 4], plan.CutOffFor(2));
        Assert.Equal([1, 2], plan.CutOffFor(3));
        Assert.Equal("1,2 / 3,4", plan.ToString());
    }

    [Fact]
    public void Miners_left_out_form_one_more_group_so_none_bridges_the_cut()
    {
        var plan = PartitionPlan.Parse(" 1 / 2 ", miners: 4);

        Assert.Equal("1 / 2 / 3,4", plan.ToString());
        Assert.Equal([1, 2], plan.CutOffFor(3));
    }

    [Theory]
    [InlineData("1,2,3,4", "is a single group")]
    [InlineData("1,2/3,5", "'5' in '1,2/3,5' is not a miner of this network (it has miners 1 to 4)")]
    [InlineData("1,2/0", "'0' in '1,2/0' is not a miner")]
    [InlineData("1,2/x", "'x' in '1,2/x' is not a miner")]
    [InlineData("1,2/2,3", "miner 2 is in two groups of '1,2/2,3'")]
    [InlineData("1,2/", "'' in '1,2/' is not a miner")]
    public void A_bad_partition_is_one_readable_error(string groups, string error) =>
        Assert.Contains(error, Assert.Throws<CommandException>(() => PartitionPlan.Parse(groups, miners: 4)).Message);
}
