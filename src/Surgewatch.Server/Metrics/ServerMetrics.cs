using System.Diagnostics.Metrics;

namespace Surgewatch.Server.Metrics;

/// <summary>How an ingest request ended.</summary>
internal enum IngestOutcome
{
    Accepted,
    Rejected,
    PrivacyRefused,
    TooLarge,
    UnsupportedMediaType,
    StoreUnavailable,
}

/// <summary>
/// The server's instruments on the <c>Surgewatch.Server</c> meter (System.Diagnostics.Metrics), exported at
/// <c>GET /metrics</c> by OpenTelemetry's Prometheus exporter: readings ingested, ingest requests by outcome, request
/// durations, readings stored, and the counts of things that should not happen (non-finite numbers written,
/// undeliverable notifications) or that protect the server (requests refused by the rate limit). The counts the server
/// itself reads back are kept beside the instruments.
/// </summary>
internal sealed class ServerMetrics : IDisposable
{
    /// <summary>The meter's name, for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "Surgewatch.Server";

    /// <summary>Upper bounds of the request-duration buckets, in seconds (the last, +Inf, is implicit).</summary>
    public static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>The readings metric's source for HTTP ingest.</summary>
    public const string HttpSource = "http";

    private readonly Meter _meter;
    private readonly Counter<long> _readings;
    private readonly Counter<long> _ingestRequests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _nonFinite;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _undeliverableCounter;
    private long _nonFiniteNumbers;
    private long _undeliverable;

    /// <summary>Creates the instruments; <paramref name="storedReadings"/> is read at each scrape for the store gauge.</summary>
    public ServerMetrics(IMeterFactory? meters = null, Func<long>? storedReadings = null)
    {
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _readings = _meter.CreateCounter<long>("surgewatch.readings.ingested", description: "Readings stored, by source (http, demo, replay).");
        _ingestRequests = _meter.CreateCounter<long>("surgewatch.ingest.requests", description: "Ingest requests by outcome.");
        _duration = _meter.CreateHistogram("surgewatch.http.request.duration", "s", "Time to handle an HTTP request.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _nonFinite = _meter.CreateCounter<long>("surgewatch.nonfinite.numbers.written", description: "Numbers that were not finite when a reply was written (written as null; each is a defect).");
        _rateLimited = _meter.CreateCounter<long>("surgewatch.rate.limited.requests", description: "Requests refused with 429 by the rate limit.");
        _undeliverableCounter = _meter.CreateCounter<long>("surgewatch.notifications.undeliverable", description: "Notifications whose contact had no channel configured (recorded in the ledger as undeliverable).");
        if (storedReadings is not null)
        {
            _meter.CreateObservableGauge("surgewatch.store.readings", storedReadings, description: "Readings held in the store.");
        }

        // Every outcome is a series from the start, so a dashboard can tell none from not yet reported.
        foreach (var outcome in Enum.GetValues<IngestOutcome>())
        {
            _ingestRequests.Add(0, new KeyValuePair<string, object?>("outcome", Snake(outcome.ToString())));
        }
    }

    /// <summary>Numbers that were not finite when a reply was written, and were written as null (each one a defect).</summary>
    public long NonFiniteNumbers => Interlocked.Read(ref _nonFiniteNumbers);

    /// <summary>Notifications whose contact had no channel configured.</summary>
    public long Undeliverable => Interlocked.Read(ref _undeliverable);

    public void CountIngest(IngestOutcome outcome) =>
        _ingestRequests.Add(1, new KeyValuePair<string, object?>("outcome", Snake(outcome.ToString())));

    /// <summary>Counts readings stored from <paramref name="source"/>: <see cref="HttpSource"/>, <c>demo</c> or <c>replay</c>.</summary>
    public void CountReadings(string source, long readings)
    {
        if (readings > 0)
        {
            _readings.Add(readings, new KeyValuePair<string, object?>("source", source));
        }
    }

    public void ObserveRequest(TimeSpan duration) => _duration.Record(duration.TotalSeconds);

    /// <summary>Counts a non-finite number caught on its way out; returns the count so far.</summary>
    public long CountNonFiniteNumber()
    {
        _nonFinite.Add(1);
        return Interlocked.Increment(ref _nonFiniteNumbers);
    }

    /// <summary>Counts a request refused by the rate limit.</summary>
    public void CountRateLimited() => _rateLimited.Add(1);

    /// <summary>Counts a notification that had no channel.</summary>
    public void CountUndeliverable()
    {
        _undeliverableCounter.Add(1);
        Interlocked.Increment(ref _undeliverable);
    }

    public void Dispose() => _meter.Dispose();

    private static string Snake(string pascal)
    {
        var text = new System.Text.StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
