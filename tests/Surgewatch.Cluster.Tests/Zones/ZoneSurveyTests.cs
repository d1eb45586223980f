using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Surgewatch.Cluster.Zones;
using Surgewatch.Core.Cluster;
using Xunit.Abstractions;

namespace Surgewatch.Cluster.Tests.Zones;

/// <summary>A node's sweep as it runs: one call per silo, a zone's own grain asked only when no silo holds it (three in-process silos).</summary>
public sealed class ZoneSurveyTests(ITestOutputHelper output)
{
    private static List<string> Zones(int count) => [.. Enumerable.Range(0, count).Select(i => $"zone-{i:D4}")];

    private static IReadOnlyList<SiloAddress> Active(ThreeSilos silos) =>
        ZoneSweep.ActiveSilos(silos.ServicesOf(silos.HeldBySilo().Keys.First()).GetRequiredService<IClusterMembershipService>());

    [Fact]
    public async Task SurveyAsync_NewZones_AsksTheirGrainsOnceThenOnlyTheSilos()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(90);

        var first = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);
        var second = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, first);

        first.Asked.Should().Be(zones.Count, "no silo held any zone yet: each zone's grain was asked, which activated it");
        second.Asked.Should().Be(0, "every zone is held now, and the silos say so");
        second.Holders.Should().BeEquivalentTo(first.Holders);
        silos.ShouldHoldEachOnlyWhereNamed(second.Holders, zones, "{0} is held by the one silo the survey names");
    }

    [Fact]
    public async Task SurveyAsync_NothingChanged_SilosLeaveTheirHeldListsOutAndTheHoldersAreKept()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(60);
        var first = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);
        var second = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, first);

        var third = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, second);

        third.Holders.Should().BeSameAs(second.Holders, "no silo's held list, the subjects or the silos changed");
        third.Asked.Should().Be(0);
        foreach (var (silo, held) in silos.HeldBySilo())
        {
            var grain = silos.Grains.GetGrain<ISiloZonesGrain>(silo);
            var version = third.HeldOf[silo].Version;
            (await grain.HeldAsync(false, version)).Held.Should().BeEmpty("the asker has this list");
            (await grain.HeldAsync(false, version)).HeldVersion.Should().Be(version);
            (await grain.HeldAsync(false, version - 1)).Held.Should().Equal(held.Order(StringComparer.Ordinal), "an asker with another version is sent the list");
        }
    }

    [Fact]
    public async Task SurveyAsync_ASilosHeldZonesChange_BuildsTheHoldersAgain()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(30);
        var first = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);
        var settled = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, first);
        var gone = zones[7];
        var holder = settled.Holders[gone];
        await silos.Grains.GetGrain<IZoneGrain>(gone).LeaveAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (silos.HeldBySilo()[holder].Contains(gone) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        var after = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, settled);

        after.Holders.Should().NotBeSameAs(settled.Holders);
        after.Asked.Should().Be(1, "the zone its silo no longer holds is asked for, which activates it again");
        after.Holders.Should().ContainKey(gone);
        silos.ShouldHoldEachOnlyWhereNamed(after.Holders, zones, "{0} is held by the one silo the survey names");
    }

    [Fact]
    public async Task SurveyAsync_NoViewsChanged_SilosLeaveTheirViewsOutAndTheViewsAreKept()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(30);
        var first = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);
        foreach (var (silo, held) in silos.HeldBySilo())
        {
            silos.AlertsOf(silo).Share(held.ToDictionary(z => z, z => z.EndsWith('3') ? $"[views of {z}]" : "[]"));
        }

        var second = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, first);
        var third = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, second);

        third.Alerts.Should().BeSameAs(second.Alerts, "no silo's views or held list changed");
        third.Alerts.Should().HaveCount(zones.Count).And.Contain(zones[13], "[views of zone-0013]");
        foreach (var (silo, held) in silos.HeldBySilo())
        {
            var grain = silos.Grains.GetGrain<ISiloZonesGrain>(silo);
            var version = third.AlertsOf[silo].Version;
            var answer = await grain.HeldAsync(false, 0, version);
            answer.Alerts.Should().BeEmpty("the asker has these views");
            answer.AlertsVersion.Should().Be(version);
            answer.Held.Should().HaveCount(held.Count, "the asker did not say it has the held list");
            (await grain.HeldAsync(false, 0, version - 1)).Alerts.Keys.Should().BeEquivalentTo(held, "an asker with another version is sent the views");
        }
    }

    [Fact]
    public async Task SurveyAsync_ASilosViewsChange_BringsItsNewViewsAndKeepsTheOthers()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(30);
        var first = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);
        foreach (var (silo, held) in silos.HeldBySilo())
        {
            silos.AlertsOf(silo).Share(held.ToDictionary(z => z, z => $"[views of {z}]"));
        }

        var settled = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, first);
        settled = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, settled);
        var changed = settled.Holders[zones[5]];
        silos.AlertsOf(changed).Share(silos.HeldBySilo()[changed].ToDictionary(z => z, z => z == zones[5] ? "[]" : $"[views of {z}]"));

        var after = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, settled);

        after.Holders.Should().BeSameAs(settled.Holders, "no held list changed");
        after.Alerts.Should().NotBeSameAs(settled.Alerts);
        after.Alerts[zones[5]].Should().Be("[]", "its holder's alert ended");
        after.Alerts.Where(v => v.Key != zones[5]).Should().OnlyContain(v => v.Value == $"[views of {v.Key}]");
        after.AlertsOf.Where(v => v.Key != changed).Should().OnlyContain(v => ReferenceEquals(v.Value, settled.AlertsOf[v.Key]), "the other silos' views did not change");
    }

    [Fact]
    public async Task SurveyAsync_HoldersShareStatusesAndViews_BringsEachFromItsHolder()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(30);
        var first = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);
        foreach (var (silo, held) in silos.HeldBySilo())
        {
            silos.ServicesOf(silo).GetRequiredService<ZoneStatusShare>().Share(held.ToDictionary(z => z, z => $"status of {z} on {silo}"));
            silos.AlertsOf(silo).Share(held.Where(z => z.EndsWith('7')).ToDictionary(z => z, z => $"[views of {z} on {silo}]"));
        }

        var survey = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, first);

        survey.Asked.Should().Be(0);
        survey.Statuses.Should().HaveCount(zones.Count);
        foreach (var zone in zones)
        {
            survey.Statuses[zone].Should().Be($"status of {zone} on {first.Holders[zone]}");
        }

        survey.Alerts.Keys.Should().BeEquivalentTo(zones.Where(z => z.EndsWith('7')), "only the zones whose holder shared views have them");
    }

    [Fact]
    public async Task SurveyAsync_StatusesNotAsked_BringsTheViewsAndEachGroupsOutlookButNoZoneStatus()
    {
        await using var silos = await ThreeSilos.StartAsync();
        List<string> subjects = [.. Zones(30), .. FamilySteps.All];
        var first = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), subjects);
        foreach (var (silo, held) in silos.HeldBySilo())
        {
            var share = silos.ServicesOf(silo).GetRequiredService<ZoneStatusShare>();
            share.Share(held.ToDictionary(z => z, z => $"status of {z}"));
            foreach (var step in FamilySteps.All)
            {
                share.Share(step, $"the outlook of {step} from {silo}");
            }

            silos.AlertsOf(silo).Share(held.ToDictionary(z => z, z => $"[views of {z}]"));
        }

        var bare = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), subjects, first, withStatuses: false);
        var full = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), subjects, first);

        var holders = silos.HeldBySilo().SelectMany(h => h.Value.Select(s => (Subject: s, Silo: h.Key))).ToDictionary(h => h.Subject, h => h.Silo);
        bare.Statuses.Should().Equal(
            FamilySteps.All.ToDictionary(step => step, step => $"the outlook of {step} from {holders[step]}"),
            "each group's outlook always travels, from the node holding its step; the zones' statuses only when asked for");
        bare.Alerts.Should().HaveCount(subjects.Count, "the alert views always travel");
        full.Statuses.Should().HaveCount(subjects.Count, "asked for, every zone's status comes too");
    }

    [Fact]
    public async Task SurveyAsync_OneNodeHasDashboards_SaysSomeoneListensUntilTheyLeave()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(12);
        var first = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);
        first.Listening.Should().BeFalse("no node has dashboards connected");
        var share = silos.ServicesOf(silos.HeldBySilo().Keys.Last()).GetRequiredService<ZoneStatusShare>();

        share.SetListening(true);
        var listened = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, first, withStatuses: false);
        share.SetListening(false);
        var left = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, listened, withStatuses: false);

        listened.Listening.Should().BeTrue("one node's silo says its node has dashboards: every node sends its zones' statuses");
        left.Listening.Should().BeFalse();
    }

    [Fact]
    public async Task SurveyAsync_SiloKilled_ItsZonesKeptUntilDeclaredDeadThenHeldBySurvivors()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(60);
        var before = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);
        var victim = silos.Cluster.SecondarySilos[0];
        var dead = victim.SiloAddress.ToParsableString();
        var lost = before.Holders.Where(h => h.Value == dead).Select(h => h.Key).ToList();
        lost.Should().NotBeEmpty();

        await silos.Cluster.KillSiloAsync(victim);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = before;
        var sawSilent = false;
        do
        {
            // As a live node would ask: the membership of a survivor.
            var active = ZoneSweep.ActiveSilos(silos.ServicesOf(silos.Cluster.Primary!.SiloAddress.ToParsableString()).GetRequiredService<IClusterMembershipService>());
            last = await ZoneSweep.SurveyAsync(silos.Grains, active, zones, last);
            if (last.Silent.Contains(dead))
            {
                sawSilent = true;
                last.Holders.Should().HaveCount(zones.Count, "while the killed silo is still counted active, its zones keep their last holder");
            }
        }
        while ((last.Holders.Count < zones.Count || last.Holders.Values.Contains(dead)) && clock.Elapsed < TimeSpan.FromSeconds(90));

        output.WriteLine($"{lost.Count} zones of the killed silo held by survivors after {clock.Elapsed.TotalSeconds:0.0} s (silent first: {sawSilent})");
        last.Holders.Should().HaveCount(zones.Count).And.NotContainValue(dead);
        silos.ShouldHoldEachOnlyWhereNamed(last.Holders, zones, "{0} is held by one survivor");
    }

    [Fact]
    public async Task TendAsync_SiloJoins_ItsPreferredZonesMigrateToItAndNoOthers()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(300);
        var before = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);

        var joined = await silos.Cluster.StartAdditionalSiloAsync();
        await silos.Cluster.WaitForLivenessToStabilizeAsync();
        var newcomer = joined.SiloAddress.ToParsableString();
        Survey after = before;
        for (var sweep = 0; sweep < 30; sweep++)
        {
            // Each silo tends its own zones, as its node's sweep does, then a survey activates what left.
            foreach (var silo in silos.HeldBySilo().Keys)
            {
                var services = silos.ServicesOf(silo);
                await ZoneSweep.TendAsync(
                    services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<HeldZones>(), Active(silos), services.GetRequiredService<ILocalSiloDetails>().SiloAddress, zones);
            }

            await Task.Delay(200);
            after = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones, after);
            if (after.Holders.Count == zones.Count && after.Asked == 0 && after.Holders.Values.Contains(newcomer)
                && silos.HeldBySilo().Sum(h => h.Value.Count) == zones.Count && zones.All(z => after.Holders[z] == before.Holders[z] || after.Holders[z] == newcomer))
            {
                var moved = zones.Where(z => after.Holders[z] != before.Holders[z]).ToList();
                var still = silos.HeldBySilo();
                if (still[newcomer].Count == moved.Count)
                {
                    output.WriteLine($"{moved.Count} of {zones.Count} zones moved to the fourth silo after {sweep + 1} sweeps");
                    still[newcomer].Should().BeEquivalentTo(moved, "the newcomer holds exactly the zones that moved");
                    return;
                }
            }
        }

        throw new TimeoutException("The zones did not settle over four silos within 30 sweeps.");
    }

    [Fact]
    public async Task TendAsync_SettledCluster_AsksNoZoneToMove()
    {
        await using var silos = await ThreeSilos.StartAsync();
        // Ids beyond plain ASCII too: the tend hashes the subject itself, the placement its grain's key.
        List<string> zones = [.. Zones(60), "Flinders St / Swanston", "zone-ä-ß-東京", .. FamilySteps.All];
        var survey = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);

        var asked = 0;
        foreach (var silo in silos.HeldBySilo().Keys)
        {
            var services = silos.ServicesOf(silo);
            asked += await ZoneSweep.TendAsync(
                services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<HeldZones>(), Active(silos), services.GetRequiredService<ILocalSiloDetails>().SiloAddress, zones);
        }

        survey.Holders.Should().HaveCount(zones.Count);
        asked.Should().Be(0, "every zone was placed on the silo the tend prefers for it");
    }

    [Fact]
    public async Task TendAsync_ZoneDeleted_ItsGrainLeavesAndItsSiloNoLongerHoldsIt()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(30);
        var survey = await ZoneSweep.SurveyAsync(silos.Grains, Active(silos), zones);
        var gone = zones[7];
        var holder = survey.Holders[gone];
        var services = silos.ServicesOf(holder);
        var kept = zones.Where(z => z != gone).ToList();

        var calls = await ZoneSweep.TendAsync(
            services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<HeldZones>(), Active(silos), services.GetRequiredService<ILocalSiloDetails>().SiloAddress, kept);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (silos.HeldBySilo()[holder].Contains(gone) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        calls.Should().Be(1, "only the deleted zone's grain is called");
        silos.HeldBySilo().Values.Should().NotContain(list => list.Contains(gone));
        silos.HeldBySilo().Values.Sum(list => list.Count).Should().Be(kept.Count, "the other zones stay where they were");
    }
}
