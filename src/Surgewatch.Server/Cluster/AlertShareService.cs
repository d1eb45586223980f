using Surgewatch.Core.Cluster;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Live;

namespace Surgewatch.Server.Cluster;

/// <summary>
/// On a node of a cluster, every <see cref="Every"/>: shares the views of this node's alerts by step subject (an empty
/// list for a subject it steps without alerts, so the others see its alerts end): every node lists every alert. An
/// alert whose episode ended stays shared, Inactive, for <see cref="Fading"/>, so that every node's sweep carries its
/// end. A single node shares nothing. The dashboards hear of an alert's changes from the node that keeps it, through
/// the hub's backplane (<see cref="LiveBackplane"/>).
/// </summary>
internal sealed class AlertShareService(
    AlertBook book, IAlertShare share, IZoneOwnership ownership, ILogger<AlertShareService> logger)
    : BackgroundService
{
    /// <summary>How often views are shared.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    /// <summary>How long an ended alert stays shared: several sweeps.</summary>
    public static readonly TimeSpan Fading = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, long> _fading = new(StringComparer.Ordinal);
    private HashSet<string> _active = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _shared;
    private (IReadOnlyList<string>? Held, KeptSubjects? Kept, Dictionary<string, string> Texts) _sharedFrom = (null, null, []);

    // The text of a subject's views while it has no alert.
    private static readonly string NoViews = AlertViews.Write([]);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (ownership.HoldsEverything)
        {
            return;
        }

        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await ShareAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sharing this node's alerts failed; trying again in {Seconds} s", Every.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Shares this node's views, the ended ones among them while they fade.</summary>
    public async Task ShareAsync(CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetTimestamp();
        foreach (var key in _fading.Where(f => TimeProvider.System.GetElapsedTime(f.Value, now) > Fading).Select(f => f.Key).ToList())
        {
            _fading.Remove(key);
        }

        var views = await book.SharedViewsAsync(new HashSet<string>([.. _active, .. _fading.Keys], StringComparer.Ordinal), cancellationToken);
        var active = new HashSet<string>(StringComparer.Ordinal);
        // Lists only for the subjects that have views: most held zones have none, and share NoViews.
        var bySubject = new Dictionary<string, List<AlertDto>>(StringComparer.Ordinal);
        foreach (var view in views)
        {
            if (AlertViews.IsInactive(view))
            {
                _fading.TryAdd(view.Key, now);
            }
            else
            {
                active.Add(view.Key);
                _fading.Remove(view.Key);
            }

            var step = AlertViews.StepOf(view);
            if (!bySubject.TryGetValue(step, out var list))
            {
                bySubject[step] = list = [];
            }

            list.Add(view);
        }

        _active = active;
        var texts = new Dictionary<string, string>(bySubject.Count, StringComparer.Ordinal);
        foreach (var (subject, list) in bySubject)
        {
            texts[subject] = AlertViews.Write(list);
        }

        // Unchanged views of unchanged held subjects: nothing is built, and the instance shared last stays, so the silo's
        // answer to the other nodes' sweeps is not built (and sent) afresh each second for nothing.
        var held = ownership.List();
        var kept = book.Kept;
        if (_shared is not null && ReferenceEquals(held, _sharedFrom.Held) && ReferenceEquals(kept, _sharedFrom.Kept) && SubjectMaps.Same(texts, _sharedFrom.Texts))
        {
            return;
        }

        var shared = new Dictionary<string, string>(held.Count, StringComparer.Ordinal);
        foreach (var subject in held)
        {
            if (kept.Contains(subject))
            {
                shared[subject] = texts.TryGetValue(subject, out var text) ? text : NoViews;
            }
        }

        _sharedFrom = (held, kept, texts);
        if (_shared is not { } last || !SubjectMaps.Same(last, shared))
        {
            _shared = shared;
            share.Share(shared);
        }
    }
}
