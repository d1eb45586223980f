using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>
/// What a feature-based model knows besides the readings: the site's public holidays, scheduled events and the
/// sensor graph. Each is optional; a feature without its source is missing (NaN) for every row.
/// </summary>
/// <param name="Holidays">The region whose public holidays apply (e.g. au-vic), or null.</param>
/// <param name="Events">Scheduled events, or null.</param>
/// <param name="Edges">The sensor graph's edges (e.g. a road network), or null.</param>
public sealed record FeatureContext(HolidayRegion? Holidays = null, EventCalendar? Events = null, IReadOnlyList<SensorEdge>? Edges = null)
{
    /// <summary>No holidays, no events, no graph.</summary>
    public static FeatureContext None { get; } = new();
}
