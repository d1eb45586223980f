using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Tests.Alerting;

public class RecurringSilenceTest
{
    private static readonly TimeZoneInfo Melbourne = TimeZoneInfo.FindSystemTimeZoneById("Australia/Melbourne");
    private static readonly TimeZoneInfo Dublin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin");

    [Fact]
    public void Mutes_OrdinaryMelbourneNight_MutesTwoHoursFromLocalTwo()
    {
        var silence = Nightly(Melbourne, 2, 4);

        MutedSpans(silence, Utc(2026, 3, 9, 12)).Should().Equal((Utc(2026, 3, 9, 15), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Mutes_MelbourneSpringForward_MutesOnlyTheHourThatExists()
    {
        // 4 October 2026: clocks jump from 02:00 AEST to 03:00 AEDT (16:00 UTC), so local 02:00–03:00 never happens.
        var silence = Nightly(Melbourne, 2, 4);

        MutedSpans(silence, Utc(2026, 10, 3, 12)).Should().Equal((Utc(2026, 10, 3, 16), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Mutes_MelbourneFallBack_MutesTheRepeatedHourTwice()
    {
        // 5 April 2026: clocks go back from 03:00 AEDT to 02:00 AEST (16:00 UTC), so local 02:00–03:00 happens twice.
        var silence = Nightly(Melbourne, 2, 4);

        MutedSpans(silence, Utc(2026, 4, 4, 12)).Should().Equal((Utc(2026, 4, 4, 15), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Mutes_DublinSpringForward_MutesOnlyTheHourThatExists()
    {
        // 29 March 2026: clocks jump from 01:00 GMT to 02:00 IST (01:00 UTC).
        var silence = Nightly(Dublin, 1, 3);

        MutedSpans(silence, Utc(2026, 3, 28, 20)).Should().Equal((Utc(2026, 3, 29, 1), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Mutes_DublinFallBack_MutesTheRepeatedHourTwice()
    {
        // 25 October 2026: clocks go back from 02:00 IST to 01:00 GMT (01:00 UTC).
        var silence = Nightly(Dublin, 1, 3);

        MutedSpans(silence, Utc(2026, 10, 24, 20)).Should().Equal((Utc(2026, 10, 25, 0), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Mutes_OvernightWindow_SpansMidnight()
    {
        var silence = new RecurringSilence(AlertMatcher.Any, TimeZoneInfo.Utc, new TimeOnly(22, 0), new TimeOnly(2, 0), "ops");

        MutedSpans(silence, Utc(2026, 6, 1, 12)).Should().Equal((Utc(2026, 6, 1, 22), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Mutes_OtherSubject_DoesNotMute()
    {
        var silence = new RecurringSilence(new AlertMatcher(Subject: "zone-b"), TimeZoneInfo.Utc, new TimeOnly(0, 0), new TimeOnly(23, 59), "ops");

        silence.Mutes("density-alarm", "zone-a", Utc(2026, 6, 1, 12)).Should().BeFalse();
        silence.Mutes("density-alarm", "zone-b", Utc(2026, 6, 1, 12)).Should().BeTrue();
    }

    private static RecurringSilence Nightly(TimeZoneInfo zone, int fromHour, int toHour) =>
        new(AlertMatcher.Any, zone, new TimeOnly(fromHour, 0), new TimeOnly(toHour, 0), "ops");

    private static DateTimeOffset Utc(int y, int mo, int d, int h) => new(y, mo, d, h, 0, 0, TimeSpan.Zero);

    /// <summary>The muted spans, minute by minute, over the 24 hours from <paramref name="from"/>.</summary>
    private static List<(DateTimeOffset Start, TimeSpan Length)> MutedSpans(ISilence silence, DateTimeOffset from)
    {
        var spans = new List<(DateTimeOffset Start, TimeSpan Length)>();
        for (var t = from; t < from.AddDays(1); t = t.AddMinutes(1))
        {
            if (!silence.Mutes("density-alarm", "zone-a", t))
            {
                continue;
            }

            if (spans.Count > 0 && spans[^1].Start + spans[^1].Length == t)
            {
                spans[^1] = (spans[^1].Start, spans[^1].Length + TimeSpan.FromMinutes(1));
            }
            else
            {
                spans.Add((t, TimeSpan.FromMinutes(1)));
            }
        }

        return spans;
    }
}
