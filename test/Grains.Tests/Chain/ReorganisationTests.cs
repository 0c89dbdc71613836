using FsCheck.Xunit;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Tests.Chain;

public class ReorganisationTests
{
    private static readonly ChainRules Rules = new(Difficulty: 1);

    [Fact]
    public void Plan_finds_the_fork_and_the_blocks_on_each_side()
    {
        var shared = TestBlocks.Chain(Rules, 2);
        var ours = TestBlocks.Extend(shared, 2, "ours");
        var theirs = TestBlocks.Extend(shared, 3, "theirs");

        var plan = Reorganisation.Plan(ours, theirs);

        Assert.Equal(3, plan.ForkHeight);
        Assert.Equal(ours.Skip(3), plan.Dropped);
        Assert.Equal(theirs.Skip(3), plan.Added);
        Assert.Equal(ours.Skip(3).SelectMany(b => b.Messages), plan.ReturnToPool);
        Assert.Equal(theirs.Skip(3).SelectMany(b => b.Messages).Select(m => m.Id), plan.RemoveFromPool);
    }

    /// <summary>Whatever the fork, after applying the plan every message that was in our chain or pool is
    /// in the new chain or the new pool (nothing lost), and never in both (nothing twice).</summary>
    [Property(MaxTest = 40)]
    public bool Nothing_is_lost_and_nothing_is_recorded_twice(byte sharedSeed, byte ourSeed, byte extraSeed, byte pooledSeed, byte movedSeed)
    {
        var (sharedBlocks, ourBlocks, extraBlocks, pooled, movedAcross) = (sharedSeed % 4, ourSeed % 4, 1 + extraSeed % 4, pooledSeed % 4, movedSeed % 4);
        var shared = TestBlocks.Chain(Rules, sharedBlocks, "shared");
        var ours = TestBlocks.Extend(shared, ourBlocks, "ours");
        var ourMessages = ours.Skip(shared.Count).SelectMany(b => b.Messages).ToList();
        var pool = Enumerable.Range(0, pooled).Select(i => TestBlocks.NewMessage($"pool{i}")).ToList();

        // Their first block may also hold some of our dropped messages and some of our pool.
        var carried = ourMessages.Take(movedAcross).Concat(pool.Take(movedAcross)).ToList();
        var theirs = shared.ToList();
        theirs.Add(TestBlocks.Mine(theirs[^1], carried.Count > 0 ? carried : [TestBlocks.NewMessage("theirs")]));
        theirs = TestBlocks.Extend(theirs, ourBlocks + extraBlocks - 1, "theirs");

        var plan = Reorganisation.Plan(ours, theirs);
        var newPool = pool.Concat(plan.ReturnToPool).Where(m => !plan.RemoveFromPool.Contains(m.Id)).DistinctBy(m => m.Id).ToList();
        var newChainIds = theirs.SelectMany(b => b.Messages).Select(m => m.Id).ToHashSet();
        var before = ours.SelectMany(b => b.Messages).Concat(pool).Select(m => m.Id);

        return before.All(id => newChainIds.Contains(id) || newPool.Exists(m => m.Id == id))
            && newPool.TrueForAll(m => !newChainIds.Contains(m.Id));
    }
}
