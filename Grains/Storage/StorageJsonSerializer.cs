using System.Text.Json;
using Orleans.Storage;

namespace Orleans.Blockchain.Storage;

/// <summary>Stores grain state as the same JSON the files hold (a chain reads like <c>GET /chain</c>), so what a
/// cluster keeps in Redis can be read with <c>redis-cli</c> and survives changes of Orleans' own formats.</summary>
public sealed class StorageJsonSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, StorageJson.Compact));

    public T Deserialize<T>(BinaryData input) =>
        input.ToObjectFromJson<T>(StorageJson.Compact) ?? throw new JsonException($"Stored {typeof(T).Name} is empty.");
}
