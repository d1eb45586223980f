namespace Surgewatch.Server.Briefing;

/// <summary>One zone in the day-ahead briefing.</summary>
/// <param name="ZoneId">The zone.</param>
/// <param name="Name">Its name.</param>
/// <param name="Total">Persons expected to enter over the day (line counters), or the sum of hourly peak persons without them.</param>
/// <param name="PeakHour">The busiest hour, "HH:00".</param>
/// <param name="PeakPersons">Persons expected at the peak.</param>
/// <param name="PeakDensity">Density expected at the peak, persons/m².</param>
/// <param name="PeakLevel">The level the peak density reaches (ok, warning, alarm, critical, nodata).</param>
/// <param name="HoursAtRisk">Hours whose expected peak reaches the warning density.</param>
/// <remarks>A figure that could not be forecast is null, never 0: an empty forecast is not a quiet day.</remarks>
internal sealed record BriefingZoneDto(string ZoneId, string Name, double? Total, string? PeakHour, double? PeakPersons, double? PeakDensity, string PeakLevel, IReadOnlyList<string> HoursAtRisk);

/// <summary>The day-ahead briefing of one date.</summary>
internal sealed record BriefingDto(string Date, string Method, IReadOnlyList<BriefingZoneDto> Zones);
