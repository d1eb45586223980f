using Surgewatch.Core.Cluster;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Live;

namespace Surgewatch.Server.Cluster;

/// <summary>
/// On a node of a cluster, every <see cref="Every"/>: shares the views of this node's alerts by step subject (an empty
/// list for a subject it steps without alerts, so the others see its alerts end), and sends this node's dashboards the
/// other nodes' views that changed since the last look (the sweeps bring them every two seconds): an alert that fires,
/// is acknowledged or ends on any node reaches every dashboard. An alert whose episode ended stays shared, Inactive, for
/// <see cref="Fading"/>, so that every node's sweep carries its end. A single node shares nothing.
/// </summary>
internal sealed class AlertShareService(
    AlertBook book, SharedAlerts alerts, IAlertShare share, IZoneOwnership ownership, ZoneCatalog zones, LiveNotifier live, ILogger<AlertShareService> logger)
    : BackgroundService
{
    /// <summary>How often views are shared and the others' looked at.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    /// <summary>How long an ended alert stays shared: several sweeps.</summary>
    public static readonly TimeSpan Fading = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, long> _fading = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertDto> _told = new(StringComparer.Ordinal);
    private HashSet<string> _active = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, IReadOnlyList<AlertDto>>? _looked;

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
                await TellAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sharing this node's alerts or telling the dashboards of the others' failed; trying again in {Seconds} s", Every.TotalSeconds);
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
        var bySubject = new Dictionary<string, List<AlertDto>>(StringComparer.Ordinal);
        foreach (var subject in (await zones.IdsAsync(cancellationToken)).Append(IZoneOwnership.ModelsSubject))
        {
            if (ownership.Holds(subject) && book.Keeps(subject))
            {
                bySubject[subject] = [];
            }
        }

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

            if (bySubject.TryGetValue(AlertViews.StepOf(view), out var list))
            {
                list.Add(view);
            }
        }

        _active = active;
        share.Share(bySubject.ToDictionary(s => s.Key, s => AlertViews.Write(s.Value), StringComparer.Ordinal));
    }

    /// <summary>Sends this node's dashboards each view of another node's alert that changed since the last sweep it looked at.</summary>
    public async Task TellAsync(CancellationToken cancellationToken)
    {
        var others = alerts.Others();
        if (ReferenceEquals(others, _looked))
        {
            return;
        }

        _looked = others;
        foreach (var (subject, views) in others)
        {
            if (ownership.Holds(subject))
            {
                continue;
            }

            foreach (var view in views)
            {
                // The revision grows with every view a node gives, not only with changes: compare without it.
                if (!_told.TryGetValue(view.Key, out var told) || told != view with { Revision = told.Revision })
                {
                    _told[view.Key] = view;
                    await live.SendAsync(LiveMessages.Alert, view, cancellationToken);
                }
            }
        }
    }
}
