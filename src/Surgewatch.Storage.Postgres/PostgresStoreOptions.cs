using Surgewatch.Core.Series;

namespace Surgewatch.Storage.Postgres;

/// <summary>Settings of a <see cref="PostgresStore"/>.</summary>
public sealed record PostgresStoreOptions
{
    /// <summary>The defaults: system clock, pedestrian counts by the hour for sensors first seen in readings.</summary>
    public static PostgresStoreOptions Default { get; } = new();

    /// <summary>The clock that stamps the ingest log and the schema history.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The kind given to a sensor first seen in readings.</summary>
    public SensorKind DefaultSensorKind { get; init; } = SensorKind.PedestrianCount;

    /// <summary>The step given to a sensor first seen in readings.</summary>
    public TimeSpan DefaultSensorStep { get; init; } = Sensor.Hourly;

    /// <summary>Rows copied between progress reports of a bulk ingest.</summary>
    public int ProgressInterval { get; init; } = 100_000;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(ProgressInterval, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DefaultSensorStep, TimeSpan.Zero);
    }
}
