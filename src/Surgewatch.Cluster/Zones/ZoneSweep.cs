using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Zones;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// Every <see cref="MembershipTiming.SweepInterval"/> each node surveys the cluster (<see cref="SurveyAsync"/>): it asks
/// every live silo once which zones it holds and what it shared of them (<see cref="ISiloZonesGrain"/>), and asks a
/// zone's own grain only when no silo holds the zone: a new zone, or one whose node died, which that call activates on
/// some live silo (which then steps it). So a node's sweep costs a call per node plus one per unheld zone, not one per
/// zone. Then it looks after the zones it holds itself (<see cref="TendAsync"/>): a zone another silo is now preferred
/// for (it joined) migrates there, and a deleted zone's grain ends. The survey gives the node the map of holders it
/// shows at <c>/cluster</c>, and the zone statuses and alert views the other nodes shared.
/// </summary>
internal sealed class ZoneSweep(
    ISiloServices silo, ZoneCatalog zones, HeldZones held, HolderMap map, ZoneStatusShare share, AlertShare alerts, ClusterSettings settings, ILogger<ZoneSweep> logger)
    : BackgroundService
{
    private const int Batch = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var services = await silo.ServicesAsync(stoppingToken);
        var grains = services.GetRequiredService<IGrainFactory>();
        var membership = services.GetRequiredService<IClusterMembershipService>();
        var self = services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        Survey? last = null;
        Tend? lastTend = null;
        IReadOnlyList<string>? lastIds = null;
        IReadOnlyList<string> subjects = [];
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var ids = await zones.IdsAsync(stoppingToken);
                // The same list while the zones are the same, which lets a survey see that nothing it looks at changed.
                if (!ReferenceEquals(ids, lastIds))
                {
                    (lastIds, subjects) = (ids, [.. ids, .. FamilySteps.All]);
                }

                var active = ActiveSilos(membership);
                var statuses = share.Wanted;
                var survey = await SurveyAsync(grains, active, subjects, last, e => logger.LogDebug(e, "A silo or zone grain did not answer"), statuses);
                last = survey;
                map.Publish(survey.Holders, survey.EveryReading);
                share.Receive(survey.Statuses, statuses);
                share.ReceiveListening(survey.Listening);
                alerts.Receive(survey.Alerts);
                // Tending changes nothing while the held zones, the zones and the active silos stay as they were and the
                // last tend asked no zone to move or leave.
                var tend = new Tend(held.List(), ids, active);
                if (lastTend is null || !lastTend.SameAs(tend) || lastTend.Asked > 0)
                {
                    lastTend = tend with { Asked = await TendAsync(grains, held, active, self, subjects) };
                }
                if (survey.Silent.Count > 0 || survey.Holders.Count < subjects.Count)
                {
                    // Usually a node that died and is not yet declared dead: its zones are asked for once the membership agrees.
                    logger.LogWarning(
                        "{Silent} node(s) did not answer this sweep and {Missing} of {Count} zones have no holder yet; trying again at the next one",
                        survey.Silent.Count, subjects.Count - survey.Holders.Count, subjects.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The zone sweep failed; trying again at the next one");
            }

            await Task.Delay(settings.Membership.SweepInterval, stoppingToken);
        }
    }

    /// <summary>The silos the membership holds active now.</summary>
    public static IReadOnlyList<SiloAddress> ActiveSilos(IClusterMembershipService membership) =>
        [.. membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];

    /// <summary>
    /// Asks each of <paramref name="active"/>'s <see cref="ISiloZonesGrain"/> what it holds, then each of
    /// <paramref name="subjects"/> that none holds its own grain (<see cref="SweepAsync"/>, which activates it). A silo
    /// that does not answer keeps, for this survey, the subjects, statuses and views <paramref name="previous"/> found
    /// with it, and those subjects are not asked for (their grain still lives there for all the directory knows, and the
    /// call would wait for the silo); once the membership no longer counts it active, they are. The silos answer with
    /// their zones' statuses when <paramref name="withStatuses"/> (the models' outlook and the alert views always).
    /// </summary>
    public static async Task<Survey> SurveyAsync(
        IGrainFactory grains, IReadOnlyList<SiloAddress> active, IReadOnlyList<string> subjects, Survey? previous = null, Action<Exception>? failed = null,
        bool withStatuses = true)
    {
        var silos = active.Select(s => s.ToParsableString()).ToArray();
        var known = previous?.HeldOf ?? new Dictionary<string, Versioned<IReadOnlyList<string>>>();
        var knownViews = previous?.AlertsOf ?? new Dictionary<string, Versioned<IReadOnlyDictionary<string, string>>>();
        var answers = await Task.WhenAll(silos.Select(s => AskSiloAsync(
            grains.GetGrain<ISiloZonesGrain>(s),
            withStatuses,
            known.TryGetValue(s, out var list) ? list.Version : 0,
            knownViews.TryGetValue(s, out var views) ? views.Version : 0,
            failed)));
        var heldOf = new Dictionary<string, Versioned<IReadOnlyList<string>>>(silos.Length, StringComparer.Ordinal);
        var viewsOf = new Dictionary<string, Versioned<IReadOnlyDictionary<string, string>>>(silos.Length, StringComparer.Ordinal);
        var silent = new List<string>();
        var everyReading = new List<string>();
        for (var i = 0; i < silos.Length; i++)
        {
            if (answers[i] is not { } answer)
            {
                silent.Add(silos[i]);
                continue;
            }

            if (answer.EveryReading)
            {
                everyReading.Add(answer.Silo);
            }

            // A silo whose held list is the one this node has answers without it; likewise its alert views, which change
            // only when an alert of its does.
            heldOf[answer.Silo] = Versioned.Heard(known, answer.Silo, answer.HeldVersion, answer.Held);
            viewsOf[answer.Silo] = Versioned.Heard(knownViews, answer.Silo, answer.AlertsVersion, answer.Alerts);
        }

        // Nothing the holders come from changed (the subjects, every silo's held list, none silent or asked): the
        // holders are the last survey's, not built again for every zone at every sweep.
        var settled = previous is not null && ReferenceEquals(previous.Subjects, subjects) && previous.Silent.Count == 0 && previous.Asked == 0
            && silent.Count == 0 && Versioned.Same(heldOf, known);
        var wanted = settled ? null : subjects as IReadOnlySet<string> ?? new HashSet<string>(subjects, StringComparer.Ordinal);
        var holders = settled ? (Dictionary<string, string>)previous!.Holders : new Dictionary<string, string>(subjects.Count, StringComparer.Ordinal);
        if (!settled)
        {
            foreach (var answer in answers)
            {
                // A subject two silos claim is moving between them (a migration's two halves): either will do for now.
                foreach (var subject in answer is null ? [] : heldOf[answer.Silo].Value)
                {
                    if (wanted!.Contains(subject))
                    {
                        holders.TryAdd(subject, answer!.Silo);
                    }
                }
            }
        }

        // Nor are the views gathered again while the holders and every silo's views are the last survey's.
        var sameViews = settled && Versioned.Same(viewsOf, knownViews);
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        var views = sameViews ? previous!.Alerts : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (answer is not null)
            {
                CopyHeld(answer.Statuses, statuses, holders, answer.Silo);
                if (!sameViews)
                {
                    CopyHeld(viewsOf[answer.Silo].Value, views, holders, answer.Silo);
                }
            }
        }

        if (previous is not null && silent.Count > 0)
        {
            foreach (var silo in silent)
            {
                if (previous.HeldOf.TryGetValue(silo, out var kept))
                {
                    heldOf[silo] = kept;
                }

                if (previous.AlertsOf.TryGetValue(silo, out var keptViews))
                {
                    viewsOf[silo] = keptViews;
                }
            }

            foreach (var (subject, holder) in previous.Holders)
            {
                if (wanted!.Contains(subject) && !holders.ContainsKey(subject) && silent.Contains(holder, StringComparer.Ordinal))
                {
                    holders[subject] = holder;
                    Copy(previous.Statuses, statuses, subject);
                    Copy(previous.Alerts, views, subject);
                }
            }
        }

        var unheld = settled ? [] : subjects.Where(s => !holders.ContainsKey(s)).ToList();
        var asked = await SweepAsync(grains, unheld, failed, statuses, views);
        foreach (var (subject, holder) in asked)
        {
            holders[subject] = holder;
        }

        return new Survey(holders, statuses, views, silent, unheld.Count, answers.Any(a => a?.Listening == true), everyReading)
        {
            Subjects = subjects,
            HeldOf = heldOf,
            AlertsOf = viewsOf,
        };
    }

    /// <summary>
    /// What the node holding <paramref name="held"/> does for its own zones after a survey: a held zone that another of
    /// <paramref name="active"/> is preferred for now (<see cref="Rendezvous"/>) is asked for its holder, which makes
    /// its grain migrate there; a held zone no longer among <paramref name="subjects"/> (deleted) is told to leave.
    /// Calls only the grains living here. Returns how many were asked to move or leave.
    /// </summary>
    public static async Task<int> TendAsync(
        IGrainFactory grains, HeldZones held, IReadOnlyList<SiloAddress> active, SiloAddress self, IReadOnlyList<string> subjects)
    {
        var known = subjects as IReadOnlySet<string> ?? new HashSet<string>(subjects, StringComparer.Ordinal);
        var silos = active.Select(s => s.ToParsableString()).ToArray();
        var here = Array.IndexOf(silos, self.ToParsableString());
        var calls = new List<Task>();
        foreach (var subject in held.List())
        {
            // A zone grain's placement key is its subject (ZonePlacementDirector.KeyOf): hashed here without making its
            // grain reference, which would cost more than the hashing for every held zone at every sweep.
            if (!known.Contains(subject))
            {
                calls.Add(grains.GetGrain<IZoneGrain>(subject).LeaveAsync());
            }
            else if (silos.Length > 0 && Rendezvous.PickIndex(subject, silos) != here)
            {
                calls.Add(grains.GetGrain<IZoneGrain>(subject).HoldingAsync());
            }
        }

        await Task.WhenAll(calls);
        return calls.Count;
    }

    /// <summary>
    /// Asks each subject's grain for its holder, <see cref="Batch"/> at a time; subject to silo address. A grain whose
    /// call fails (<paramref name="failed"/> is told why) is left out, so one unreachable silo does not blind the rest.
    /// The zones' statuses and alert views the holders shared go into <paramref name="statuses"/> and
    /// <paramref name="alerts"/> when they are given.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SweepAsync(
        IGrainFactory grains, IReadOnlyList<string> subjects, Action<Exception>? failed = null, IDictionary<string, string>? statuses = null,
        IDictionary<string, string>? alerts = null)
    {
        var holders = new Dictionary<string, string>(subjects.Count, StringComparer.Ordinal);
        for (var start = 0; start < subjects.Count; start += Batch)
        {
            var batch = subjects.Skip(start).Take(Batch).ToList();
            var answers = await Task.WhenAll(batch.Select(s => AskAsync(grains.GetGrain<IZoneGrain>(s), failed)));
            for (var i = 0; i < batch.Count; i++)
            {
                if (answers[i] is { } holding)
                {
                    holders[batch[i]] = holding.Silo;
                    if (holding.Status is { } status && statuses is not null)
                    {
                        statuses[batch[i]] = status;
                    }

                    if (holding.Alerts is { } views && alerts is not null)
                    {
                        alerts[batch[i]] = views;
                    }
                }
            }
        }

        return holders;
    }

    /// <summary>What a tend looked at (the held and known lists by reference), and how many zones it asked to move or leave.</summary>
    private sealed record Tend(IReadOnlyList<string> Held, IReadOnlyList<string> Ids, IReadOnlyList<SiloAddress> Active)
    {
        public int Asked { get; init; }

        public bool SameAs(Tend other) => ReferenceEquals(Held, other.Held) && ReferenceEquals(Ids, other.Ids) && Active.SequenceEqual(other.Active);
    }

    /// <summary>Copies the texts <paramref name="silo"/> shared of the subjects the survey found it holding.</summary>
    private static void CopyHeld(IReadOnlyDictionary<string, string> from, Dictionary<string, string> to, IReadOnlyDictionary<string, string> holders, string silo)
    {
        foreach (var (subject, text) in from)
        {
            if (holders.TryGetValue(subject, out var holder) && string.Equals(holder, silo, StringComparison.Ordinal))
            {
                to[subject] = text;
            }
        }
    }

    private static void Copy(IReadOnlyDictionary<string, string> from, Dictionary<string, string> to, string subject)
    {
        if (from.TryGetValue(subject, out var text))
        {
            to[subject] = text;
        }
    }

    private static Task<SiloZones?> AskSiloAsync(ISiloZonesGrain grain, bool statuses, long knownHeld, long knownAlerts, Action<Exception>? failed) =>
        AnswerOrNullAsync(() => grain.HeldAsync(statuses, knownHeld, knownAlerts), failed);

    private static Task<ZoneHolding?> AskAsync(IZoneGrain grain, Action<Exception>? failed) => AnswerOrNullAsync(grain.HoldingAsync, failed);

    /// <summary>The grain's answer, or null when the call failed (<paramref name="failed"/> is told why).</summary>
    private static async Task<T?> AnswerOrNullAsync<T>(Func<Task<T>> ask, Action<Exception>? failed)
        where T : class
    {
        try
        {
            return await ask();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failed?.Invoke(e);
            return null;
        }
    }
}

/// <summary>What a node's sweep found (<see cref="ZoneSweep.SurveyAsync"/>).</summary>
/// <param name="Holders">Subject to the parsable address of the silo holding it.</param>
/// <param name="Statuses">What the holders shared of their subjects: zone statuses, and the models' outlook under its subject.</param>
/// <param name="Alerts">The alert views the holders shared, by subject.</param>
/// <param name="Silent">The active silos that did not answer.</param>
/// <param name="Asked">How many subjects no silo held, whose own grain was asked.</param>
/// <param name="Listening">Whether a silo that answered said its node has live dashboards connected.</param>
/// <param name="EveryReading">The silos that answered that their node wants every reading (it runs the models).</param>
internal sealed record Survey(
    Dictionary<string, string> Holders,
    IReadOnlyDictionary<string, string> Statuses,
    Dictionary<string, string> Alerts,
    IReadOnlyList<string> Silent,
    int Asked,
    bool Listening,
    IReadOnlyList<string> EveryReading)
{
    /// <summary>The subjects surveyed (the list itself, which the sweep keeps while the zones stay the same).</summary>
    public IReadOnlyList<string> Subjects { get; init; } = [];

    /// <summary>Each silo's held list as last heard (a silent silo's from the survey before), by parsable address.</summary>
    public IReadOnlyDictionary<string, Versioned<IReadOnlyList<string>>> HeldOf { get; init; } = new Dictionary<string, Versioned<IReadOnlyList<string>>>();

    /// <summary>Each silo's alert views as last heard (a silent silo's from the survey before), by parsable address.</summary>
    public IReadOnlyDictionary<string, Versioned<IReadOnlyDictionary<string, string>>> AlertsOf { get; init; } =
        new Dictionary<string, Versioned<IReadOnlyDictionary<string, string>>>();
}

/// <summary>
/// What a silo said of something it numbers (its held list, <see cref="SiloZones.HeldVersion"/>; its alert views,
/// <see cref="SiloZones.AlertsVersion"/>), with that number: kept as the same instance while the number stays.
/// </summary>
internal sealed record Versioned<T>(long Version, T Value);

/// <summary>Keeping what silos numbered from one survey to the next.</summary>
internal static class Versioned
{
    /// <summary>
    /// What <paramref name="silo"/> answered with <paramref name="version"/>: the instance <paramref name="known"/> has
    /// when it has that version (the silo then left <paramref name="value"/> out), else a new one.
    /// </summary>
    public static Versioned<T> Heard<T>(IReadOnlyDictionary<string, Versioned<T>> known, string silo, long version, T value) =>
        known.TryGetValue(silo, out var kept) && kept.Version == version ? kept : new Versioned<T>(version, value);

    /// <summary>Whether <paramref name="now"/> holds, for the same silos, the very instances <paramref name="before"/> did.</summary>
    public static bool Same<T>(IReadOnlyDictionary<string, Versioned<T>> now, IReadOnlyDictionary<string, Versioned<T>> before) =>
        now.Count == before.Count && now.All(v => before.TryGetValue(v.Key, out var k) && ReferenceEquals(k, v.Value));
}
