using System.Text.Json;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Intervals;

namespace Surgewatch.Models.Deployment;

/// <summary>The feature description saved with a model (JSON): columns, holiday region, events, graph, interval levels.</summary>
/// <param name="Columns">gbm's feature columns (empty for baselines).</param>
/// <param name="Holidays">The holiday region, or null.</param>
/// <param name="Events">The events CSV or shipped events name, or null.</param>
/// <param name="Edges">Whether the sensor graph was a feature.</param>
/// <param name="IntervalLevels">The prediction interval levels.</param>
public sealed record ModelFeatures(string[] Columns, string? Holidays, string? Events, bool Edges, double[] IntervalLevels)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The description of a model named <paramref name="model"/> with these feature sources.</summary>
    public static ModelFeatures For(string model, string? holidays, string? events, bool edges) => new(
        model == "gbm" ? [.. FeatureLayout.Names] : [],
        holidays,
        events,
        edges,
        [.. ConformalOptions.DefaultLevels]);

    /// <summary>As JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>From JSON written by <see cref="ToJson"/>.</summary>
    public static ModelFeatures FromJson(string json) =>
        JsonSerializer.Deserialize<ModelFeatures>(json, Options) ?? throw new JsonException("The saved feature description is empty.");
}
