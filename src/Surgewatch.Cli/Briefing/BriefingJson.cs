using System.Globalization;
using System.Text.Json;
using Surgewatch.Core.Briefing;
using Surgewatch.Core.Monitoring;

namespace Surgewatch.Cli.Briefing;

/// <summary>The briefing as JSON, in the shape of GET /api/v1/briefing: {date, model, zones:[...]}; NaN is null.</summary>
internal static class BriefingJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static string Serialize(DayBriefing briefing) =>
        JsonSerializer.Serialize(
            new Report(briefing.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), briefing.Model, [.. briefing.Subjects.Select(Zone)]),
            Options);

    public static string Hour(int hour) => hour < 0 ? "-" : $"{hour:00}:00";

    public static string Level(ZoneLevel level) => level switch
    {
        ZoneLevel.Ok => "ok",
        ZoneLevel.Warning => "warning",
        ZoneLevel.Alarm => "alarm",
        ZoneLevel.Critical => "critical",
        _ => "nodata",
    };

    private static ZoneEntry Zone(SubjectBriefing s) => new(
        s.Id, s.Name, Round(s.Total), s.PeakHour < 0 ? null : Hour(s.PeakHour), Round(s.PeakPersons), Round(s.PeakDensity, 3),
        Level(s.PeakLevel), [.. s.HoursAtRisk.Select(Hour)]);

    private static double? Round(double value, int digits = 1) => double.IsNaN(value) ? null : Math.Round(value, digits);

    private sealed record Report(string Date, string Model, ZoneEntry[] Zones);

    private sealed record ZoneEntry(string ZoneId, string Name, double? Total, string? PeakHour, double? PeakPersons, double? PeakDensity, string PeakLevel, string[] HoursAtRisk);
}
