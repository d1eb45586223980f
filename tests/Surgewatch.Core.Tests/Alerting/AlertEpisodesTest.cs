using Surgewatch.Core.Alerting;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

public class AlertEpisodesTest
{
    private const string Key = "density-alarm/square";

    [Fact]
    public void From_FiredAcknowledgedAndResolved_OneEpisodeWithDurationPeakAndNote()
    {
        var events = new[]
        {
            Event(AlertState.Pending, 0, 4.1),
            Event(AlertState.Firing, 5, 4.6),
            Event(AlertState.Firing, 7, 4.4) with { Actor = "ops", Note = "acknowledged: stewards sent" },
            Event(AlertState.Recovering, 30, 3.2),
            Event(AlertState.Resolved, 45, 3.0),
        };

        var episode = AlertEpisodes.From(events).Should().ContainSingle().Subject;

        episode.StartedAt.Should().Be(Minute(0));
        episode.FiredAt.Should().Be(Minute(5));
        episode.EndedAt.Should().Be(Minute(45));
        episode.Duration(Minute(100)).Should().Be(TimeSpan.FromMinutes(45));
        episode.Peak.Should().Be(4.6);
        episode.AcknowledgedBy.Should().Be("ops");
        episode.AcknowledgedAt.Should().Be(Minute(7));
        episode.Note.Should().Be("stewards sent");
        episode.ResolvedBy.Should().BeNull();
    }

    [Fact]
    public void From_PendingThatNeverFired_NoEpisode()
    {
        var events = new[] { Event(AlertState.Pending, 0, 4.1), Event(AlertState.Inactive, 3, 3.9) };

        AlertEpisodes.From(events).Should().BeEmpty();
    }

    [Fact]
    public void From_StillFiring_OpenEpisodeWithoutEnd()
    {
        var events = new[] { Event(AlertState.Firing, 0, 4.1), Event(AlertState.NoData, 20, null) };

        var episode = AlertEpisodes.From(events).Should().ContainSingle().Subject;

        episode.EndedAt.Should().BeNull();
        episode.Duration(Minute(30)).Should().Be(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void From_ResolvedByOperatorThenFiringAgain_TwoEpisodesTheFirstResolvedByHand()
    {
        var events = new[]
        {
            Event(AlertState.Firing, 0, 4.1),
            Event(AlertState.Resolved, 10, 4.2) with { Actor = "ops", Note = "resolved by operator: sensor moved" },
            Event(AlertState.Firing, 11, 4.3),
        };

        var episodes = AlertEpisodes.From(events);

        episodes.Should().HaveCount(2);
        episodes[0].ResolvedBy.Should().Be("ops");
        episodes[0].Note.Should().Be("sensor moved");
        episodes[1].StartedAt.Should().Be(Minute(11));
        episodes[1].EndedAt.Should().BeNull();
    }

    [Fact]
    public void From_EventsOfAnEpisodeOpenedBeforeTheWindow_Ignored()
    {
        var events = new[] { Event(AlertState.Recovering, 0, 3.3), Event(AlertState.Resolved, 15, 3.0) };

        AlertEpisodes.From(events).Should().BeEmpty();
    }

    private static AlertEvent Event(AlertState state, int minute, double? value) =>
        new(Key, "density-alarm", "square", state, Minute(minute), value);
}
