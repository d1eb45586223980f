using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// The silo's <see cref="ISiloZonesGrain"/>: reads the node's <see cref="HeldZones"/> and what it shared. Each of the two
/// answers (with the zones' statuses, and without) is built once per change of the held zones or of what it carries,
/// whoever asks: the held list, the statuses and the views are each a new instance when they change, so comparing
/// references tells. Kept alive: every other node asks it at each sweep anyway, and a collected one would only be
/// activated again.
/// </summary>
[SiloPinnedPlacement]
[KeepAlive]
internal sealed class SiloZonesGrain(ILocalSiloDetails silo, HeldZones held, ZoneStatusShare share, AlertShare alerts, Core.Cluster.IRelayedReadings node) : Grain, ISiloZonesGrain
{
    // The last answer of each kind: [0] without the zones' statuses, [1] with them.
    private readonly Cached?[] _answers = new Cached?[2];

    private static readonly IReadOnlyDictionary<string, string> NoViews = new Dictionary<string, string>();

    // The held list's version: a new list (a new instance, HeldZones.List) gets the next number; the alert views' version
    // likewise when the views shared or the held list change. Starting at random keeps a new activation's numbers apart
    // from those an asker kept from an earlier one.
    private IReadOnlyList<string>? _heldList;
    private long _heldVersion = Random.Shared.NextInt64(1, long.MaxValue / 2);
    private (IReadOnlyList<string>? Held, object? Views) _alertsFrom;
    private long _alertsVersion = Random.Shared.NextInt64(1, long.MaxValue / 2);

    public Task<SiloZones> HeldAsync(bool statuses, long knownHeld = 0, long knownAlerts = 0)
    {
        var subjects = held.List();
        if (!ReferenceEquals(subjects, _heldList))
        {
            (_heldList, _heldVersion) = (subjects, _heldVersion + 1);
        }

        var views = alerts.OwnViews;
        if (!ReferenceEquals(subjects, _alertsFrom.Held) || !ReferenceEquals(views, _alertsFrom.Views))
        {
            (_alertsFrom, _alertsVersion) = ((subjects, views), _alertsVersion + 1);
        }

        var inputs = new Inputs(subjects, statuses ? share.OwnStatuses : null, share.OwnOutlooks, views, share.ListeningHere, node.WantsEveryReading);
        var slot = statuses ? 1 : 0;
        if (_answers[slot] is not { } last || !last.Inputs.SameAs(inputs))
        {
            last = Build(subjects, statuses, inputs);
            _answers[slot] = last;
        }

        var (omitHeld, omitViews) = (knownHeld == _heldVersion, knownAlerts == _alertsVersion);
        return Task.FromResult((omitHeld, omitViews) switch
        {
            (false, false) => last.Answer,
            (true, false) => last.WithoutHeld,
            _ => last.Answer with { Held = omitHeld ? [] : last.Answer.Held, Alerts = NoViews },
        });
    }

    private Cached Build(IReadOnlyList<string> subjects, bool statuses, Inputs inputs)
    {
        var shared = new Dictionary<string, string>(statuses ? subjects.Count : 1, StringComparer.Ordinal);
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            if ((statuses || Core.Cluster.FamilySteps.Is(subject)) && share.Mine(subject) is { } status)
            {
                shared[subject] = status;
            }

            if (alerts.Mine(subject) is { } alertViews)
            {
                shown[subject] = alertViews;
            }
        }

        var answer = new SiloZones(silo.SiloAddress.ToParsableString(), subjects, shared, shown, inputs.Listening, inputs.EveryReading, _heldVersion, _alertsVersion);
        return new Cached(inputs, answer, answer with { Held = [] });
    }

    /// <summary>What an answer is built from: the held list and the shared statuses, outlook and views by reference, and the node's two flags.</summary>
    private readonly record struct Inputs(IReadOnlyList<string> Held, object? Statuses, object? Outlook, object Alerts, bool Listening, bool EveryReading)
    {
        public bool SameAs(Inputs other) =>
            ReferenceEquals(Held, other.Held) && ReferenceEquals(Statuses, other.Statuses) && ReferenceEquals(Outlook, other.Outlook)
            && ReferenceEquals(Alerts, other.Alerts) && Listening == other.Listening && EveryReading == other.EveryReading;
    }

    private sealed record Cached(Inputs Inputs, SiloZones Answer, SiloZones WithoutHeld);
}

/// <summary>Places a grain keyed by a silo's parsable address on that silo, and nowhere else.</summary>
[GenerateSerializer]
[Immutable]
internal sealed class SiloPinnedPlacement : PlacementStrategy
{
    public static readonly SiloPinnedPlacement Instance = new();
}

/// <summary>Marks a grain class as placed by <see cref="SiloPinnedPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class SiloPinnedPlacementAttribute() : PlacementAttribute(SiloPinnedPlacement.Instance);

/// <summary>Finds the silo a <see cref="SiloPinnedPlacement"/> grain names among those that can host it.</summary>
internal sealed class SiloPinnedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        return context.GetCompatibleSilos(target).FirstOrDefault(s => s.ToParsableString() == key) is { } silo
            ? Task.FromResult(silo)
            : throw new OrleansException($"The silo {key} is not in the cluster (any more); its zones are held elsewhere.");
    }
}
