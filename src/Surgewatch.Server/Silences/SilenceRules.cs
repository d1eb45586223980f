using Surgewatch.Core.Zones;

namespace Surgewatch.Server.Silences;

/// <summary>
/// What a silence may cover. A silence hides alerts from the people who must act on them, so it names a stored zone or
/// counter (the subject of a counter's surge alert; a typo would otherwise silence nothing, silently), a one-off silence lasts at most <c>MaxSilenceDays</c>, and a
/// silence of every zone and every rule needs an explicit <c>confirmAllZones</c>. Each problem is named by its field.
/// </summary>
internal static class SilenceRules
{
    /// <summary>Adds a problem when the zone is not stored, or when neither a zone nor a rule is given and every zone is not confirmed.</summary>
    public static async Task CheckScopeAsync(
        string? zoneId, string? ruleId, bool confirmAllZones, IZoneStore zones, Core.Series.IObservationStore sensors, Dictionary<string, string[]> problems, CancellationToken cancellationToken)
    {
        if (zoneId is not null)
        {
            var zone = ZoneId.IsValid(zoneId, out _) && await zones.FindZoneAsync(new ZoneId(zoneId), cancellationToken) is not null;
            if (!zone && !(await sensors.ListSensorsAsync(cancellationToken)).Any(s => s.Id.Value == zoneId))
            {
                problems["zoneId"] = [$"no zone or counter '{zoneId}' is stored; list them with GET /api/v1/zones and /api/v1/sensors, or leave zoneId null to match every zone"];
            }
        }
        else if (ruleId is null && !confirmAllZones)
        {
            problems["confirmAllZones"] =
                ["with neither zoneId nor ruleId the silence mutes every alert of every zone; give a zone or a rule, or send \"confirmAllZones\": true"];
        }
    }

    /// <summary>
    /// Parses the instant <paramref name="field"/> gives: ISO-8601 with an offset (or <c>Z</c>), or without one a
    /// site-local time, as everywhere in the API (a label that daylight saving skips takes the standard offset).
    /// Adds a problem, and returns null, when it is missing or not a time.
    /// </summary>
    public static DateTimeOffset? ParseInstant(string? text, string field, TimeZoneInfo site, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems[field] = [$"{field} is required: an ISO-8601 time such as 2024-03-01T09:00:00 (site-local) or 2024-03-01T09:00:00+11:00"];
            return null;
        }

        if (!Hosting.QueryLabels.TryParseInstant(text, site, out var instant, out var error))
        {
            problems[field] = [error];
            return null;
        }

        return instant;
    }

    /// <summary>Adds a problem when the silence ends before it starts or lasts longer than <paramref name="maxDays"/>.</summary>
    public static void CheckDuration(DateTimeOffset startsAt, DateTimeOffset endsAt, int maxDays, Dictionary<string, string[]> problems)
    {
        if (endsAt <= startsAt)
        {
            problems["endsAt"] = ["endsAt must be after startsAt"];
        }
        else if (endsAt - startsAt > TimeSpan.FromDays(maxDays))
        {
            problems["endsAt"] = [$"a silence may last at most {maxDays} days (the server's MaxSilenceDays); set a new one when this one ends, or use a recurring silence"];
        }
    }
}
