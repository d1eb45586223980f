namespace Surgewatch.Server.Metrics;

/// <summary>How an ingest request ended.</summary>
internal enum IngestOutcome
{
    Accepted,
    Rejected,
    PrivacyRefused,
    TooLarge,
    UnsupportedMediaType,
}

/// <summary>The server's counters and request-duration histogram, shared by all requests (lock-free).</summary>
internal sealed class ServerMetrics
{
    /// <summary>Upper bounds of the request-duration buckets, in seconds (the last, +Inf, is implicit).</summary>
    public static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _ingestRequests = new long[Enum.GetValues<IngestOutcome>().Length];
    private readonly long[] _durationCounts = new long[DurationBuckets.Length + 1];
    private long _readingsIngested;
    private long _durationMicros;
    private long _nonFiniteNumbers;
    private long _rateLimited;
    private long _undeliverable;

    /// <summary>Notifications whose contact had no channel configured.</summary>
    public long Undeliverable => Interlocked.Read(ref _undeliverable);

    /// <summary>Counts a notification that had no channel.</summary>
    public void CountUndeliverable() => Interlocked.Increment(ref _undeliverable);

    /// <summary>Numbers that were not finite when a reply was written, and were written as null (each one a defect).</summary>
    public long NonFiniteNumbers => Interlocked.Read(ref _nonFiniteNumbers);

    /// <summary>Requests refused with 429.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Counts a non-finite number caught on its way out; returns the count so far.</summary>
    public long CountNonFiniteNumber() => Interlocked.Increment(ref _nonFiniteNumbers);

    /// <summary>Counts a request refused by the rate limit.</summary>
    public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    public long ReadingsIngested => Interlocked.Read(ref _readingsIngested);

    public long IngestRequests(IngestOutcome outcome) => Interlocked.Read(ref _ingestRequests[(int)outcome]);

    /// <summary>Requests per bucket (not cumulative); the last entry counts those over every bound.</summary>
    public long DurationCount(int bucket) => Interlocked.Read(ref _durationCounts[bucket]);

    public double DurationSumSeconds => Interlocked.Read(ref _durationMicros) / 1e6;

    public void CountIngest(IngestOutcome outcome, long readings = 0)
    {
        Interlocked.Increment(ref _ingestRequests[(int)outcome]);
        Interlocked.Add(ref _readingsIngested, readings);
    }

    public void ObserveRequest(TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        var bucket = 0;
        while (bucket < DurationBuckets.Length && seconds > DurationBuckets[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _durationCounts[bucket]);
        Interlocked.Add(ref _durationMicros, (long)(seconds * 1e6));
    }
}
