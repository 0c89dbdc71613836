using System.Text.Json;

namespace Orleans.Blockchain.Storage;

/// <summary>How state is written: the same camelCase JSON the REST API speaks. Whole-file states are indented so that a
/// learner can open them and read them; journals (the chain, the pool) are compact, one entry a line.</summary>
public static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web);
}
