using Surgewatch.Cluster.Readings;

namespace Surgewatch.Cluster.Tests.Readings;

public sealed class RelayRoutesTests
{
    private const string Self = "self";

    [Fact]
    public void To_SensorOfAZoneHeldElsewhere_GoesToItsHolderOnly()
    {
        var routes = RelayRoutes.Build([TestZones.Of("a", "s1"), TestZones.Of("b", "s2")], new Dictionary<string, string> { ["a"] = "n2", ["b"] = "n3" }, [], Self);

        routes.To("s1").Should().Equal("n2");
        routes.To("s2").Should().Equal("n3");
    }

    [Fact]
    public void To_SensorOfAZoneHeldHere_GoesNowhere()
    {
        var routes = RelayRoutes.Build([TestZones.Of("a", "s1")], new Dictionary<string, string> { ["a"] = Self }, [], Self);

        routes.To("s1").Should().BeEmpty("this node took the reading in itself");
        routes.Reaches(Self).Should().BeFalse();
    }

    [Fact]
    public void To_SensorSharedByZonesOnTwoNodes_GoesToBothOnce()
    {
        var zones = new[] { TestZones.Of("a", "s1", "s2"), TestZones.Of("b", "s1"), TestZones.Of("c", "s1"), TestZones.Of("d", "s1") };
        var holders = new Dictionary<string, string> { ["a"] = "n3", ["b"] = "n2", ["c"] = "n3", ["d"] = Self };

        var routes = RelayRoutes.Build(zones, holders, [], Self);

        routes.To("s1").Should().Equal("n2", "n3");
        routes.To("s2").Should().Equal("n3");
    }

    [Fact]
    public void To_NodeWantsEveryReading_GetsEverySensorsReadingsBesideTheHolders()
    {
        var routes = RelayRoutes.Build([TestZones.Of("a", "s1")], new Dictionary<string, string> { ["a"] = "n2" }, ["n3", Self], Self);

        routes.To("s1").Should().Equal("n2", "n3");
        routes.To("counter-without-zone").Should().Equal(["n3"], "the node running the models forecasts every counter");
        routes.Reaches("n3").Should().BeTrue();
        routes.Reaches(Self).Should().BeFalse("this node wanting every reading took them in itself");
    }

    [Fact]
    public void To_ZoneWithoutHolder_GoesNowhere()
    {
        var routes = RelayRoutes.Build([TestZones.Of("a", "s1")], new Dictionary<string, string>(), [], Self);

        routes.To("s1").Should().BeEmpty("the node that takes the zone reads its window from the store");
        RelayRoutes.None.To("s1").Should().BeEmpty();
    }
}
