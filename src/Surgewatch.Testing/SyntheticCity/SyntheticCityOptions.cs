namespace Surgewatch.Testing.SyntheticCity;

/// <summary>How big a synthetic city to make, and over which days.</summary>
/// <param name="Sensors">Number of pedestrian counters (1–200).</param>
/// <param name="StartDate">The first day generated.</param>
/// <param name="Days">Number of whole days generated.</param>
/// <param name="Step">The reporting step; must divide a day.</param>
/// <param name="Seed">Seed of the pseudo-random generator, so a city is reproducible.</param>
/// <param name="OutagesPerSensorYear">Expected outages (runs of missing readings) per sensor per year.</param>
/// <param name="Holidays">Public holidays, on which every counter behaves as on a Sunday; null for none.</param>
/// <param name="NorthernHemisphere">Whether the seasonal swing peaks in July (north) rather than January (south).</param>
public sealed record SyntheticCityOptions(
    int Sensors,
    DateOnly StartDate,
    int Days,
    TimeSpan Step,
    int Seed = 7,
    double OutagesPerSensorYear = 6,
    IReadOnlySet<DateOnly>? Holidays = null,
    bool NorthernHemisphere = false)
{
    /// <summary>A small city: 12 hourly counters over 16 weeks from 2025-01-06, enough for a quick backtest.</summary>
    public static SyntheticCityOptions Small => new(12, new DateOnly(2025, 1, 6), 16 * 7, TimeSpan.FromHours(1));
}
