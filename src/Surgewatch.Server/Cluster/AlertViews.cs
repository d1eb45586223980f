using System.Text.Json;
using System.Text.Json.Serialization;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Server.Alerts;

namespace Surgewatch.Server.Cluster;

/// <summary>What the nodes of a cluster agree on about alert views: the step subject an alert belongs to, and their text.</summary>
internal static class AlertViews
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private static readonly string Inactive = Hosting.ApiEnums.Name(AlertState.Inactive);
    private static readonly HashSet<string> Active = new(
        [.. new[] { AlertState.Pending, AlertState.Firing, AlertState.Recovering, AlertState.NoData }.Select(Hosting.ApiEnums.Name)], StringComparer.Ordinal);

    /// <summary>The step an alert belongs to: its zone, or its group's step (<see cref="FamilySteps"/>) for a counter's or a road's.</summary>
    public static string StepOf(AlertDto alert) => StepOf(alert.SubjectKind, alert.ZoneId);

    /// <summary>The step of the alert with <paramref name="key"/> (<c>ruleId/subject</c>), or null when it is not such a key.</summary>
    public static string? StepOf(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == key.Length - 1 ? null
            : StepOf(AlertDto.SubjectKindOf(key[..slash]), key[(slash + 1)..]);
    }

    private static string StepOf(string kind, string subject) => kind switch
    {
        "counter" => FamilySteps.Of(ModelSubjects.Counters, new SensorId(subject)),
        "road" => FamilySteps.Of(ModelSubjects.Roads, new SensorId(subject)),
        _ => subject,
    };

    /// <summary>Whether the view is of an Inactive alert (shared only for a while after its episode ended, so other nodes see it end).</summary>
    public static bool IsInactive(AlertDto alert) => alert.State == Inactive;

    /// <summary>Whether the view is of an alert with an episode going on (what <c>?active=true</c> lists).</summary>
    public static bool IsActive(AlertDto alert) => Active.Contains(alert.State);

    public static string Write(AlertDto alert) => JsonSerializer.Serialize(alert, Json);

    public static string Write(IReadOnlyList<AlertDto> alerts) => JsonSerializer.Serialize(alerts, Json);

    /// <exception cref="JsonException">The text is not an alert view.</exception>
    public static AlertDto ReadOne(string text) => JsonSerializer.Deserialize<AlertDto>(text, Json) ?? throw new JsonException("An alert view was null.");

    /// <exception cref="JsonException">The text is not a list of alert views.</exception>
    public static IReadOnlyList<AlertDto> ReadMany(string text) => JsonSerializer.Deserialize<List<AlertDto>>(text, Json) ?? throw new JsonException("A list of alert views was null.");
}
