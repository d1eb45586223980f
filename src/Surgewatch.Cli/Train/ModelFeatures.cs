using System.Text.Json;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Intervals;

namespace Surgewatch.Cli.Train;

/// <summary>The feature description saved with a model (JSON): columns, holiday region, events, graph, interval levels.</summary>
internal sealed record ModelFeatures(string[] Columns, string? Holidays, string? Events, bool Edges, double[] IntervalLevels)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ModelFeatures For(string model, string? holidays, string? events, bool edges) => new(
        model == "gbm" ? [.. FeatureLayout.Names] : [],
        holidays,
        events,
        edges,
        [.. ConformalOptions.DefaultLevels]);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static ModelFeatures FromJson(string json) =>
        JsonSerializer.Deserialize<ModelFeatures>(json, Options) ?? throw new JsonException("The saved feature description is empty.");
}
