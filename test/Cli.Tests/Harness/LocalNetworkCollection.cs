namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>The tests that share one <see cref="LocalNetwork"/>.</summary>
[CollectionDefinition(Name)]
public sealed class LocalNetworkCollection : ICollectionFixture<LocalNetwork>
{
    public const string Name = "local network";
}
