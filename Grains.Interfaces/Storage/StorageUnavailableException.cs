namespace Orleans.Blockchain.Storage;

/// <summary>The miner's storage (files, or Redis in cluster mode) did not take a change, so the change was not
/// made: nothing was accepted and the caller may retry. The gateway answers it with 503 and Retry-After.</summary>
[GenerateSerializer, Alias("StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
