using Surgewatch.Cluster.Zones;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Tests.Zones;

/// <summary>The zone statuses and each family's outlook travel by one sweep, and come out apart.</summary>
public sealed class ZoneStatusShareTests
{
    private static readonly string CountersStep = FamilySteps.Lead(Surgewatch.Core.Forecasting.Persistence.ModelSubjects.Counters);
    private static readonly string RoadsStep = FamilySteps.Lead(Surgewatch.Core.Forecasting.Persistence.ModelSubjects.Roads);

    [Fact]
    public void Mine_AFamilysStep_IsThatFamilysOutlookNotAZoneStatus()
    {
        var share = new ZoneStatusShare();
        share.Share(new Dictionary<string, string> { ["a-zone"] = "status of a", [RoadsStep] = "not an outlook" });
        share.Share(CountersStep, "counters' outlook");

        share.Mine(CountersStep).Should().Be("counters' outlook");
        share.Mine(RoadsStep).Should().BeNull("this node has shared no roads' outlook");
        share.Mine("a-zone").Should().Be("status of a");
        share.Mine("b-zone").Should().BeNull();
    }

    [Fact]
    public void OwnOutlooks_ShareOfOneFamily_KeepsTheOthersAndIsANewInstance()
    {
        var share = new ZoneStatusShare();
        share.Share(CountersStep, "counters' outlook");
        var before = share.OwnOutlooks;

        share.Share(RoadsStep, "roads' outlook");

        share.OwnOutlooks.Should().NotBeSameAs(before, "the silo's grain sees a change by reference");
        share.OwnOutlooks.Should().Equal(new Dictionary<string, string> { [CountersStep] = "counters' outlook", [RoadsStep] = "roads' outlook" });
    }

    [Fact]
    public async Task Receive_SweepWithTheFamiliesOutlooks_KeepsThemOutOfTheZoneStatuses()
    {
        var share = new ZoneStatusShare();

        share.Receive(new Dictionary<string, string> { ["a-zone"] = "status of a", [CountersStep] = "counters' outlook", [RoadsStep] = "roads' outlook" });

        (await share.OthersAsync(CancellationToken.None)).Should().ContainSingle().Which.Key.Should().Be("a-zone");
        share.Shared(CountersStep).Should().Be("counters' outlook");
        share.Shared(RoadsStep).Should().Be("roads' outlook");
    }

    [Fact]
    public void Receive_SweepWithoutAFamilysOutlook_KeepsThatFamilysLastOutlook()
    {
        var share = new ZoneStatusShare();
        share.Receive(new Dictionary<string, string> { [CountersStep] = "counters' outlook", [RoadsStep] = "roads' outlook" });

        share.Receive(new Dictionary<string, string> { ["a-zone"] = "status of a", [RoadsStep] = "roads' new outlook" });

        share.Shared(CountersStep).Should().Be("counters' outlook", "a sweep whose counters' grain did not answer (its node just died) leaves the last outlook shown");
        share.Shared(RoadsStep).Should().Be("roads' new outlook");
    }

    [Fact]
    public void Wanted_NeverAsked_IsFalseUntilTheOthersAreAskedFor()
    {
        var share = new ZoneStatusShare();
        share.Wanted.Should().BeFalse("no sweep carries every zone's status while nobody asks for them");

        _ = share.OthersAsync(CancellationToken.None);

        share.Wanted.Should().BeTrue();
    }

    [Fact]
    public async Task OthersAsync_NotCarriedLately_WaitsForTheSweepThatCarriesThem()
    {
        var time = new SetTime();
        var share = new ZoneStatusShare(time);
        share.Receive(new Dictionary<string, string> { ["a-zone"] = "old status of a" });
        time.Now += ZoneStatusShare.Fresh * 2;

        var asked = share.OthersAsync(CancellationToken.None);
        share.Receive(new Dictionary<string, string> { [CountersStep] = "outlook" }, carriesStatuses: false);
        asked.IsCompleted.Should().BeFalse("a sweep that started before the ask did not carry the statuses");
        share.Receive(new Dictionary<string, string> { ["a-zone"] = "status of a" });

        (await asked.WaitAsync(TimeSpan.FromSeconds(5))).Should().Equal(new Dictionary<string, string> { ["a-zone"] = "status of a" });
        share.Shared(CountersStep).Should().Be("outlook");
    }

    [Fact]
    public async Task OthersAsync_CarriedLately_AnswersAtOnceWithTheLastCarried()
    {
        var share = new ZoneStatusShare();
        share.Receive(new Dictionary<string, string> { ["a-zone"] = "status of a" });
        share.Receive(new Dictionary<string, string> { ["a-zone"] = "not carried" }, carriesStatuses: false);

        var asked = share.OthersAsync(CancellationToken.None);

        asked.IsCompleted.Should().BeTrue();
        (await asked).Should().Equal(new Dictionary<string, string> { ["a-zone"] = "status of a" });
    }

    [Fact]
    public void Wanted_AskedLongAgo_IsFalseAgain()
    {
        var time = new SetTime();
        var share = new ZoneStatusShare(time);
        _ = share.OthersAsync(CancellationToken.None);

        time.Now += ZoneStatusShare.WantedFor;

        share.Wanted.Should().BeFalse("the sweeps stop carrying every zone's status once nobody has asked for a while");
    }

    [Fact]
    public void AnyoneListening_HereOrElsewhere_IsTrueUntilBothStop()
    {
        var share = new ZoneStatusShare();
        share.AnyoneListening.Should().BeFalse();

        share.ReceiveListening(true);
        share.AnyoneListening.Should().BeTrue("a sweep found dashboards on another node");
        share.ReceiveListening(false);
        share.SetListening(true);
        share.AnyoneListening.Should().BeTrue("this node has dashboards");
        share.SetListening(false);

        share.AnyoneListening.Should().BeFalse();
    }

    private sealed class SetTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
