using Surgewatch.Core.Monitoring;
using System.Collections.Concurrent;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Live;

namespace Surgewatch.Server.ZoneSeries;

/// <summary>
/// Every fifteen simulated minutes (checked every few real seconds), and for a zone without one yet, takes each zone's
/// density forecast two hours ahead from <see cref="ZoneForecasts"/> (the deployed model's, built from its sources'
/// forecasts), keeps it for the monitor's forecast level and sends it to the hub as a <c>forecast</c> message. A zone
/// whose forecast came back empty (no model's forecasts and too little history for the fallback) is tried again after
/// a simulated minute, not at every check: each try reads a week of its readings, which for thousands of new zones
/// every few seconds was most of a node's store reads.
/// In a cluster a node does so for the zones it holds only (<see cref="IZoneOwnership"/>): the monitor that takes the
/// bounds steps only those, and each zone's forecast is built once, by its holder. The zone series is built from the
/// store on request, so every node answers it the same.
/// </summary>
internal sealed class ForecastBroadcaster(
    ZoneCatalog zones, ZoneForecasts forecasts, ClockDtos clocks, LiveNotifier notifier, Core.Cluster.IZoneOwnership ownership, ILogger<ForecastBroadcaster> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Ahead = TimeSpan.FromHours(2);

    /// <summary>How long (on the server clock) an empty forecast is kept before the zone is forecast again.</summary>
    public static readonly TimeSpan RetryEmpty = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Kept> _latest = new(StringComparer.Ordinal);
    private long _lastSlot = long.MinValue;
    private long? _lastModel;

    /// <summary>The latest forecast's 90% upper bounds (its upper 80% band) after <paramref name="nowLabel"/>, as instants for Core's monitor.</summary>
    public IReadOnlyList<ForecastBound> Bounds(string zoneId, TimeLabel nowLabel, DateTimeOffset now, TimeZoneInfo site)
    {
        if (!_latest.TryGetValue(zoneId, out var kept))
        {
            return [];
        }

        // The monitor asks for every zone at every step: the labels were read once, when the forecast came, and the
        // bounds after the present are read in place rather than copied.
        var upper = kept.Site.Equals(site) ? kept.Upper : Upper.Of(kept.Forecast, site);
        var (lo, hi) = (0, upper.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (upper[mid].Label > nowLabel)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo == upper.Length ? [] : new Upcoming(upper, lo, nowLabel, now);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3));
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Forecasting the zones failed; trying again at the next slot");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clocks.NowLabel();
        var slot = now.Seconds / (long)Every.TotalSeconds;
        // A model deployed between slots replaces the forecasts at once rather than at the next slot.
        var model = forecasts.DeployedModelId;
        var newSlot = slot != _lastSlot || model != _lastModel;
        _lastSlot = slot;
        _lastModel = model;
        foreach (var zone in await zones.ZonesAsync(cancellationToken))
        {
            if (!ownership.Holds(zone.Id.Value))
            {
                // Another node forecasts it; dropped here so that the zone is forecast at once if it comes back.
                _latest.TryRemove(zone.Id.Value, out _);
                continue;
            }

            if (!newSlot && _latest.TryGetValue(zone.Id.Value, out var known)
                && (known.Forecast.Forecast.Count > 0 || (now >= known.Made && now - known.Made < RetryEmpty)))
            {
                continue;
            }

            var dto = await forecasts.ForecastAsync(zone, now, now + Ahead, cancellationToken);
            _latest[zone.Id.Value] = new Kept(dto, clocks.SiteZone, Upper.Of(dto, clocks.SiteZone), now);
            await notifier.SendAsync(LiveMessages.Forecast, dto, cancellationToken);
        }
    }

    /// <summary>A zone's latest forecast, with its upper bounds as read in <paramref name="Site"/>, made at <paramref name="Made"/> (the server clock's label).</summary>
    private sealed record Kept(ZoneForecastDto Forecast, TimeZoneInfo Site, Upper[] Upper, TimeLabel Made);

    /// <summary>A forecast point's label and its upper 80% band.</summary>
    private readonly record struct Upper(TimeLabel Label, double Hi)
    {
        public static Upper[] Of(ZoneForecastDto forecast, TimeZoneInfo site)
        {
            var upper = new List<Upper>(forecast.Forecast.Count);
            foreach (var point in forecast.Forecast)
            {
                if (point.Hi80 is { } hi && TimeLabelParser.TryParse(point.T.AsSpan(), site, out var label, out _))
                {
                    upper.Add(new Upper(label, hi));
                }
            }

            // In label order (a forecast's points come in it), so that those after a present are the last ones.
            return [.. upper.OrderBy(u => u.Label)];
        }
    }

    /// <summary>
    /// The upper bounds from index <paramref name="first"/> on, as instants of the step at <paramref name="now"/> (whose
    /// label is <paramref name="nowLabel"/>): each is made when the monitor reads it.
    /// </summary>
    private sealed class Upcoming(Upper[] upper, int first, TimeLabel nowLabel, DateTimeOffset now) : IReadOnlyList<ForecastBound>
    {
        public int Count => upper.Length - first;

        public ForecastBound this[int index] =>
            (uint)index < (uint)Count ? At(first + index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<ForecastBound> GetEnumerator()
        {
            for (var i = first; i < upper.Length; i++)
            {
                yield return At(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private ForecastBound At(int i) => new(now + (upper[i].Label - nowLabel), upper[i].Hi);
    }
}
