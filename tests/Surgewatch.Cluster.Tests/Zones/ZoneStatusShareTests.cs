using Surgewatch.Cluster.Zones;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Tests.Zones;

/// <summary>The zone statuses and the models' outlook travel by one sweep, and come out apart.</summary>
public sealed class ZoneStatusShareTests
{
    [Fact]
    public void Mine_ModelsSubject_IsTheSharedOutlookNotAZoneStatus()
    {
        var share = new ZoneStatusShare();
        share.Share(new Dictionary<string, string> { ["a-zone"] = "status of a" });
        share.Share("outlook");

        share.Mine(IZoneOwnership.ModelsSubject).Should().Be("outlook");
        share.Mine("a-zone").Should().Be("status of a");
        share.Mine("b-zone").Should().BeNull();
    }

    [Fact]
    public void Receive_SweepWithTheModelsOutlook_KeepsItOutOfTheZoneStatuses()
    {
        var share = new ZoneStatusShare();

        share.Receive(new Dictionary<string, string> { ["a-zone"] = "status of a", [IZoneOwnership.ModelsSubject] = "outlook" });

        share.Others.Should().ContainSingle().Which.Key.Should().Be("a-zone");
        share.Shared.Should().Be("outlook");
    }

    [Fact]
    public void Receive_SweepWithoutTheModelsOutlook_KeepsTheLastOutlook()
    {
        var share = new ZoneStatusShare();
        share.Receive(new Dictionary<string, string> { [IZoneOwnership.ModelsSubject] = "outlook" });

        share.Receive(new Dictionary<string, string> { ["a-zone"] = "status of a" });

        share.Shared.Should().Be("outlook", "a sweep whose models' grain did not answer (its node just died) leaves the last outlook shown");
    }
}
