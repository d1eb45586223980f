using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Cluster;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Cluster;

/// <summary>
/// Two nodes of a cluster, one after the other on one store, each holding the zones a test ownership gives it (the
/// Orleans side is tested in Surgewatch.Cluster.Tests): a zone that moves keeps its alert, acknowledged.
/// </summary>
public sealed class ZoneHandOverTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Step_ZoneGainedFromAnotherNode_ResumesItsAlertFiringAndAcknowledged()
    {
        var time = new ManualTime(T0);
        string database;
        using (var first = Node(time, null, out _, "a-zone", "b-zone"))
        {
            database = first.DatabasePath;
            var admin = first.ClientWithKey(ServerFixture.AdminKey);
            (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Collection(TestZones.Feature("a-zone"), TestZones.Feature("b-zone"))))).EnsureSuccessStatusCode();
            await first.IngestAsync(admin, "a-zone", 300);
            time.Now += TimeSpan.FromMinutes(6);
            await first.IngestAsync(admin, "a-zone", 300);
            (await admin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString("density-warning/a-zone")}/ack", Bodies.Json("{}"))).EnsureSuccessStatusCode();
        }

        time.Now += TimeSpan.FromMinutes(1);
        using var second = Node(time, database, out var held, "b-zone");
        var secondAdmin = second.ClientWithKey(ServerFixture.AdminKey);
        await second.IngestAsync(secondAdmin, "b-zone", 300); // b-zone's alert changes, so this node writes its snapshots
        (await second.AlertAsync("density-warning/a-zone")).Should().BeNull("this node does not hold a-zone yet");

        held["a-zone"] = 0;
        await second.IngestAsync(secondAdmin, "a-zone", 300);

        var alert = await second.AlertAsync("density-warning/a-zone");
        alert.Should().NotBeNull();
        alert!.State.Should().Be("firing", "the snapshot the first node wrote was restored, and not overwritten by this node's own");
        alert.Acknowledged.Should().BeTrue();
        alert.Since.Should().Be(T0 + TimeSpan.FromMinutes(6), "the episode continues; no new one started");
    }

    private static ClockedServer Node(ManualTime time, string? database, out ConcurrentDictionary<string, byte> held, params string[] zones)
    {
        var ownership = new TestOwnership(zones);
        held = ownership.Held;
        return new ClockedServer(time, database, services: s => s.AddSingleton<IZoneOwnership>(ownership)) { KeepFiles = database is null };
    }
}
