using System.Text.Json;

namespace Orleans.Blockchain.Storage;

/// <summary>How state is written to disk: the same camelCase JSON the REST API speaks, indented so
/// that a learner can open a chain file and read it.</summary>
public static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
