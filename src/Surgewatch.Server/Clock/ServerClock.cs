namespace Surgewatch.Server.Clock;

/// <summary>How the server's clock runs.</summary>
internal enum ClockMode
{
    /// <summary>Real time; the clock cannot be changed.</summary>
    Live,

    /// <summary>The built-in synthetic city at accelerated time.</summary>
    Demo,

    /// <summary>A recorded data folder played at accelerated time.</summary>
    Replay,
}

/// <summary>
/// The server's time: real time in live mode; in demo and replay mode a simulated instant that runs at
/// <see cref="Speed"/> times real time from a start instant and may be paused. Everything that needs "now"
/// (monitoring, the demo feeder, the store's ingest log) reads it through this <see cref="TimeProvider"/>;
/// timestamps for durations stay real (the base class's <see cref="TimeProvider.GetTimestamp"/>).
/// </summary>
internal sealed class ServerClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly object _gate = new();
    private DateTimeOffset _anchorSimulated;
    private DateTimeOffset _anchorReal;

    /// <summary>A clock of <paramref name="mode"/>; simulated time stands at <paramref name="start"/> at real instant <paramref name="startedAt"/> (default: now).</summary>
    public ServerClock(TimeProvider real, ClockMode mode, DateTimeOffset? start = null, double speed = 1, DateTimeOffset? startedAt = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        _real = real;
        Mode = mode;
        Speed = mode == ClockMode.Live ? 1 : speed;
        _anchorReal = mode == ClockMode.Live ? real.GetUtcNow() : startedAt ?? real.GetUtcNow();
        _anchorSimulated = start ?? _anchorReal;
        Origin = _anchorSimulated;
    }

    public ClockMode Mode { get; }

    /// <summary>Where simulated time started (the same on every node of a cluster given the same start settings).</summary>
    public DateTimeOffset Origin { get; }

    public double Speed { get; private set; }

    public bool Paused { get; private set; }

    /// <summary>Raised after the speed or pause state changed.</summary>
    public event Action? Changed;

    public override DateTimeOffset GetUtcNow()
    {
        if (Mode == ClockMode.Live)
        {
            return _real.GetUtcNow();
        }

        lock (_gate)
        {
            return Paused ? _anchorSimulated : _anchorSimulated + ((_real.GetUtcNow() - _anchorReal) * Speed);
        }
    }

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <summary>Changes speed and/or pause state from now on; the simulated instant does not jump.</summary>
    /// <exception cref="InvalidOperationException">The clock is live.</exception>
    public void Set(double? speed, bool? paused)
    {
        if (Mode == ClockMode.Live)
        {
            throw new InvalidOperationException("The clock runs in real time in live mode; it can be changed only in demo or replay mode.");
        }

        if (speed is { } s && !(double.IsFinite(s) && s > 0 && s <= 10_000))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed must be a number above 0 and at most 10000.");
        }

        lock (_gate)
        {
            var now = GetUtcNowUnlocked();
            _anchorSimulated = now;
            _anchorReal = _real.GetUtcNow();
            Speed = speed ?? Speed;
            Paused = paused ?? Paused;
        }

        Changed?.Invoke();
    }

    /// <summary>Moves simulated time to <paramref name="start"/> (replay: once the data's first label is known).</summary>
    public void MoveTo(DateTimeOffset start)
    {
        lock (_gate)
        {
            _anchorSimulated = start;
            _anchorReal = _real.GetUtcNow();
        }

        Changed?.Invoke();
    }

    private DateTimeOffset GetUtcNowUnlocked() =>
        Paused ? _anchorSimulated : _anchorSimulated + ((_real.GetUtcNow() - _anchorReal) * Speed);
}
