using System.Text.Json;

namespace Surgewatch.Server.Deployment;

/// <summary>
/// What the node running a family's model shares with the other nodes of a cluster (<see cref="Core.Cluster.IModelsOutlookShare"/>):
/// the deployed model's id and each sensor's outlook after the last issue.
/// </summary>
/// <param name="Model">The family's deployed model, or null.</param>
/// <param name="Statuses">Each sensor's outlook (a counter's or a road's).</param>
/// <typeparam name="TStatus">A sensor's outlook: <see cref="CounterStatusDto"/> or <see cref="RoadStatusDto"/>.</typeparam>
internal sealed record FamilyOutlook<TStatus>(long? Model, IReadOnlyList<TStatus> Statuses)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The outlook from its text.</summary>
    /// <exception cref="JsonException">It is not an outlook's text.</exception>
    public static FamilyOutlook<TStatus> Parse(string text) => JsonSerializer.Deserialize<FamilyOutlook<TStatus>>(text, Json) ?? throw new JsonException("A family's outlook is null.");

    /// <summary>The outlook as text.</summary>
    public string ToText() => JsonSerializer.Serialize(this, Json);
}
