using System.Text.Json.Serialization;

namespace Surgewatch.Storage.Sqlite.Zones;

/// <summary>Source-generated JSON for the small documents the store keeps in text columns.</summary>
[JsonSerializable(typeof(double[][][]), TypeInfoPropertyName = "Double3")]
[JsonSerializable(typeof(StoredSource[]), TypeInfoPropertyName = "StoredSourceArray")]
internal sealed partial class StoreJson : JsonSerializerContext;
