using Surgewatch.Core.Alerting;
using Surgewatch.Core.Live;

namespace Surgewatch.Benchmarks.Live;

/// <summary>The notification policy and the silences in force that every live benchmark step gets.</summary>
internal static class LiveAlerting
{
    /// <summary>Two-step escalation (duty at once, supervisor after 10 minutes), hourly reminders.</summary>
    public static NotificationPolicy Policy { get; } = new NotificationPolicy(
        [new EscalationStep("duty", TimeSpan.Zero), new EscalationStep("supervisor", TimeSpan.FromMinutes(10))], TimeSpan.FromHours(1), []).Validated();

    /// <summary>
    /// Twenty silences around <paramref name="now"/>, as an operator list might hold: eight on zones (some of them
    /// alerting), two on one rule of a zone, four on counters (some surging), three nightly maintenance windows on
    /// counters in the site's time zone (UTC+10, not in force at 20:00 UTC), and three that have expired.
    /// </summary>
    public static IReadOnlyList<ISilence> Silences(DateTimeOffset now)
    {
        var site = TimeZoneInfo.CreateCustomTimeZone("bench-site", TimeSpan.FromHours(10), "bench-site", "bench-site");
        var from = now - TimeSpan.FromDays(1);
        var until = now + TimeSpan.FromDays(1);
        var list = new List<ISilence>(20);
        for (var i = 0; i < 8; i++)
        {
            list.Add(new Silence(new AlertMatcher(Subject: $"zone-{(i * 101) + 90:D4}"), from, until, "bench"));
        }

        list.Add(new Silence(new AlertMatcher("flow-warning", "zone-0010"), from, until, "bench"));
        list.Add(new Silence(new AlertMatcher("density-forecast-alarm-60m", "zone-0096"), from, until, "bench"));
        for (var i = 0; i < 4; i++)
        {
            list.Add(new Silence(new AlertMatcher(SurgeMonitor.RuleId, $"counter-{(i * 1000) + 7:D5}"), from, until, "bench"));
        }

        for (var i = 0; i < 3; i++)
        {
            list.Add(new RecurringSilence(new AlertMatcher(Subject: $"counter-{(i * 2000) + 1:D5}"), site, new TimeOnly(2, 0), new TimeOnly(4, 0), "bench"));
        }

        for (var i = 0; i < 3; i++)
        {
            list.Add(new Silence(new AlertMatcher(Subject: $"zone-{i + 95:D4}"), now - TimeSpan.FromDays(1), now - TimeSpan.FromHours(2), "bench"));
        }

        return list;
    }
}
