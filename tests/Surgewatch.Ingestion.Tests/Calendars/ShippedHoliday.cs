using System.Globalization;
using Surgewatch.Core.Calendar;
using Surgewatch.Ingestion.Calendars;

namespace Surgewatch.Ingestion.Tests.Calendars;

/// <summary>Helpers for checking the shipped rule files against published holiday lists.</summary>
internal static class ShippedHoliday
{
    public static readonly HolidayRegion Victoria = CalendarLibrary.Shipped.LoadRegion("au-vic");
    public static readonly HolidayRegion Ireland = CalendarLibrary.Shipped.LoadRegion("ie");

    /// <summary>"yyyy-MM-dd Name" lines, the form the expected lists are written in.</summary>
    public static string[] Lines(IEnumerable<Holiday> holidays) =>
        [.. holidays.Select(h => $"{h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {h.Name}")];

    public static string[] Dates(IEnumerable<Holiday> holidays) =>
        [.. holidays.Select(h => h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
}
