using System.Text.Json;

namespace Surgewatch.Server.Deployment;

/// <summary>
/// What the node running the models shares with the other nodes of a cluster (<see cref="Core.Cluster.IModelsOutlookShare"/>):
/// the deployed models' ids and each counter's and road's outlook after the last issue.
/// </summary>
/// <param name="CounterModel">The counters' deployed model, or null.</param>
/// <param name="Counters">Each counter's outlook.</param>
/// <param name="RoadModel">The roads' deployed model, or null.</param>
/// <param name="Roads">Each road's outlook.</param>
internal sealed record ModelsOutlook(long? CounterModel, IReadOnlyList<CounterStatusDto> Counters, long? RoadModel, IReadOnlyList<RoadStatusDto> Roads)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The outlook of the deployments as they stand.</summary>
    public static ModelsOutlook Of(LiveDeployment counters, RoadDeployment roads) => new(counters.Model?.Id, counters.Counters, roads.Model?.Id, roads.Roads);

    /// <summary>The outlook from its text.</summary>
    /// <exception cref="JsonException">It is not an outlook's text.</exception>
    public static ModelsOutlook Parse(string text) => JsonSerializer.Deserialize<ModelsOutlook>(text, Json) ?? throw new JsonException("The models' outlook is null.");

    /// <summary>The outlook as text.</summary>
    public string ToText() => JsonSerializer.Serialize(this, Json);
}
