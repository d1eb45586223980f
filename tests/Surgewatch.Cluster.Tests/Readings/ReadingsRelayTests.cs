using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.TestingHost;
using Surgewatch.Cluster.Readings;
using Surgewatch.Cluster.Tests.Zones;
using Surgewatch.Cluster.Zones;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Cluster.Tests.Readings;

/// <summary>Readings one node stored, relayed to the nodes holding their zones (three in-process silos, Orleans' TestingHost).</summary>
public sealed class ReadingsRelayTests
{
    private static readonly Zone[] Zones = [.. Enumerable.Range(0, 30).Select(i => TestZones.Of($"zone-{i:D2}", $"s{i:D2}"))];

    [Fact]
    public async Task Send_ReadingsOfZonesAcrossTheCluster_EachReachesOnlyTheNodeHoldingItsZone()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var (relay, self, holders) = await StartRelayAsync(silos, silos.Cluster.Primary!);
        var at = new TimeLabel(3600);

        relay.Send(Batch(at, [.. Zones.Select(z => z.Sources[0].Sensor.Value), "counter-without-zone"]));

        foreach (var silo in silos.HeldBySilo().Keys.Where(s => s != self))
        {
            var expected = Zones.Where(z => holders[z.Id.Value] == silo).Select(z => new Observation(z.Sources[0].Sensor, at, 1)).ToList();
            expected.Should().NotBeEmpty("each of three silos holds some of 30 zones");
            await EventuallyAsync(() => silos.IntakeOf(silo).Taken.Count >= expected.Count);
            silos.IntakeOf(silo).Taken.Should().BeEquivalentTo(expected, "{0} is sent the readings of its own zones, once", silo);
        }

        silos.IntakeOf(self).Taken.Should().BeEmpty("the node that stored the readings took them in itself");
        await relay.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Send_NodeRunsTheModels_ItIsSentEveryReading()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var models = silos.Cluster.SecondarySilos[0].SiloAddress.ToParsableString();
        silos.IntakeOf(models).WantsEveryReading = true;
        var (relay, _, _) = await StartRelayAsync(silos, silos.Cluster.Primary!);
        var sensors = new List<string>([.. Zones.Select(z => z.Sources[0].Sensor.Value), "counter-without-zone"]);

        relay.Send(Batch(new TimeLabel(3600), sensors));

        await EventuallyAsync(() => silos.IntakeOf(models).Taken.Count >= sensors.Count);
        silos.IntakeOf(models).Taken.Select(o => o.SensorId.Value).Should().BeEquivalentTo(sensors, "a node running the models forecasts from every counter and road");
        await relay.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Send_OneHolderStopped_TheOtherStillGetsItsReadings()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var (relay, self, holders) = await StartRelayAsync(silos, silos.Cluster.Primary!);
        var victim = silos.Cluster.SecondarySilos[0];
        var dead = victim.SiloAddress.ToParsableString();
        var alive = silos.HeldBySilo().Keys.Single(s => s != self && s != dead);
        await silos.Cluster.StopSiloAsync(victim);
        var sensors = Zones.Select(z => z.Sources[0].Sensor.Value).ToList();

        relay.Send(Batch(new TimeLabel(3600), sensors));
        relay.Send(Batch(new TimeLabel(3660), sensors));

        var theirs = Zones.Count(z => holders[z.Id.Value] == alive);
        await EventuallyAsync(() => silos.IntakeOf(alive).Taken.Count >= 2 * theirs);
        silos.IntakeOf(alive).Taken.Should().HaveCount(2 * theirs, "the stopped node's readings wait for it, or are dropped, without holding back the others'");
        await relay.StopAsync(CancellationToken.None);
    }

    /// <summary>A relay on <paramref name="silo"/>'s node, routing by one survey of the cluster.</summary>
    private static async Task<(ReadingsRelay Relay, string Self, IReadOnlyDictionary<string, string> Holders)> StartRelayAsync(ThreeSilos silos, SiloHandle silo)
    {
        var services = ((InProcessSiloHandle)silo).SiloHost.Services;
        var grains = services.GetRequiredService<IGrainFactory>();
        var active = silos.Cluster.Silos.Select(s => s.SiloAddress).ToList();
        var survey = await ZoneSweep.SurveyAsync(grains, active, [.. Zones.Select(z => z.Id.Value)]);
        var map = new HolderMap();
        map.Publish(survey.Holders, survey.EveryReading);
        var relay = new ReadingsRelay(new StartedSilo(services), TestZones.Catalog(Zones), map, MembershipTiming.Default, NullLogger<ReadingsRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);
        return (relay, silo.SiloAddress.ToParsableString(), survey.Holders);
    }

    private static ObservationBatch Batch(TimeLabel at, IEnumerable<string> sensors)
    {
        var batch = new ObservationBatch();
        foreach (var sensor in sensors)
        {
            batch.Add(new Observation(new SensorId(sensor), at, 1));
        }

        return batch;
    }

    private static async Task EventuallyAsync(Func<bool> done)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!done() && TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }
    }
}
