using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Blockchain.Peers;

/// <summary>The JSON every miner speaks: camelCase, enums as names.</summary>
public static class PeerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
