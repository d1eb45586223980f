using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// The cluster's <see cref="IZoneStatusShare"/> and <see cref="IModelsOutlookShare"/>: what this node shares stays
/// here, where the grains living on this silo read it for the sweeps of the other nodes (<see cref="ZoneHolding"/>:
/// a zone's grain answers with the zone's status, a family's grain with its outlook); what this node's own sweep brings
/// back becomes <see cref="OthersAsync"/> (the zones' statuses) and <see cref="Shared"/> (each family's outlook).
/// The zones' statuses are carried only while this node is asked for them (<see cref="Wanted"/>): every zone's status
/// every sweep to every node was a cost that grew with the cluster, and the live dashboards hear each node directly.
/// </summary>
internal sealed class ZoneStatusShare : IZoneStatusShare, IModelsOutlookShare
{
    /// <summary>How long after the last ask the sweeps keep carrying the others' statuses.</summary>
    public static readonly TimeSpan WantedFor = TimeSpan.FromSeconds(30);

    /// <summary>How old carried statuses may be to answer an ask at once, and how long an ask waits for a sweep that carries them.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(6);

    private volatile IReadOnlyDictionary<string, string> _mine = new Dictionary<string, string>();
    private volatile IReadOnlyDictionary<string, string> _others = new Dictionary<string, string>();
    private readonly object _sharing = new();
    private volatile IReadOnlyDictionary<string, string> _outlooks = new Dictionary<string, string>();
    private volatile IReadOnlyDictionary<string, string> _shared = new Dictionary<string, string>();
    private volatile TaskCompletionSource _carried = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _listeningHere;
    private volatile bool _listeningElsewhere;
    private long _askedAt = long.MinValue;
    private long _carriedAt = long.MinValue;
    private readonly TimeProvider _time;

    /// <summary>On real time: the server's own <see cref="TimeProvider"/> runs fast in demo and replay mode (so not taken from the container).</summary>
    public ZoneStatusShare()
        : this(TimeProvider.System)
    {
    }

    /// <summary>On <paramref name="time"/> (the tests').</summary>
    internal ZoneStatusShare(TimeProvider time) => _time = time;

    /// <summary>Whether this node has live dashboards connected (what its silo answers the other nodes' sweeps with).</summary>
    public bool ListeningHere => _listeningHere;

    public bool AnyoneListening => _listeningHere || _listeningElsewhere;

    public void SetListening(bool here) => _listeningHere = here;

    /// <summary>Takes whether a sweep found live dashboards on any node.</summary>
    public void ReceiveListening(bool anyone) => _listeningElsewhere = anyone;

    /// <summary>Whether the next sweep should carry the other nodes' zone statuses: asked for within <see cref="WantedFor"/>.</summary>
    public bool Wanted => Within(Interlocked.Read(ref _askedAt), WantedFor);

    public async Task<IReadOnlyDictionary<string, string>> OthersAsync(CancellationToken cancellationToken)
    {
        var carried = _carried.Task;
        Interlocked.Exchange(ref _askedAt, _time.GetUtcNow().UtcTicks);
        if (!Within(Interlocked.Read(ref _carriedAt), Fresh))
        {
            // Not carried lately (nobody asked): the next sweep carries them, as this ask is now recorded.
            try
            {
                await carried.WaitAsync(Fresh, cancellationToken);
            }
            catch (TimeoutException)
            {
                // No sweep in time (the silo is starting, or Orleans is busy): the last carried, however old.
            }
        }

        return _others;
    }

    public string? Shared(string family) => _shared.GetValueOrDefault(family);

    /// <summary>What this node shared last: the statuses of the zones it steps (a new instance at each share).</summary>
    public IReadOnlyDictionary<string, string> OwnStatuses => _mine;

    /// <summary>The outlooks of the families this node shared last, by family step (a new instance at each share).</summary>
    public IReadOnlyDictionary<string, string> OwnOutlooks => _outlooks;

    public void Share(IReadOnlyDictionary<string, string> statuses) => _mine = statuses;

    public void Share(string family, string outlook)
    {
        lock (_sharing)
        {
            _outlooks = new Dictionary<string, string>(_outlooks, StringComparer.Ordinal) { [family] = outlook };
        }
    }

    /// <summary>What this node shared last for <paramref name="subject"/> (a zone's status, or a family's outlook), or null.</summary>
    public string? Mine(string subject) =>
        (FamilySteps.Is(subject) ? _outlooks : _mine).TryGetValue(subject, out var text) ? text : null;

    /// <summary>
    /// Takes what a sweep brought back from the grains: each family's outlook under its step, and the zones' statuses
    /// when the sweep <paramref name="carriesStatuses"/> (otherwise the last carried stay, ageing).
    /// </summary>
    public void Receive(IReadOnlyDictionary<string, string> shared, bool carriesStatuses = true)
    {
        if (shared.Keys.Any(FamilySteps.Is))
        {
            var outlooks = new Dictionary<string, string>(_shared, StringComparer.Ordinal);
            foreach (var (step, outlook) in shared)
            {
                if (FamilySteps.Is(step))
                {
                    outlooks[step] = outlook;
                }
            }

            _shared = outlooks;
            shared = shared.Where(s => !FamilySteps.Is(s.Key)).ToDictionary(StringComparer.Ordinal);
        }

        if (!carriesStatuses)
        {
            return;
        }

        _others = shared;
        Interlocked.Exchange(ref _carriedAt, _time.GetUtcNow().UtcTicks);
        _carried.TrySetResult();
        _carried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private bool Within(long ticks, TimeSpan span) => ticks != long.MinValue && _time.GetUtcNow().UtcTicks - ticks < span.Ticks;
}
