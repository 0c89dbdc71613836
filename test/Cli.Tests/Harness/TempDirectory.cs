namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>A fresh directory under the system's temp folder, deleted with the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("blockchain-cli-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file: the OS cleans the temp folder.
        }
    }
}
