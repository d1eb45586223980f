using System.Globalization;
using Spectre.Console;
using Surgewatch.Core.Briefing;

namespace Surgewatch.Cli.Briefing;

/// <summary>The briefing as a console table.</summary>
internal static class BriefingTable
{
    public static Table Build(DayBriefing briefing)
    {
        var table = new Table()
            .Title($"Briefing for {briefing.Date:yyyy-MM-dd} ({briefing.Model})")
            .AddColumn("id").AddColumn("name").AddColumn("total").AddColumn("peak hour").AddColumn("peak persons")
            .AddColumn("peak density").AddColumn("peak level").AddColumn("hours at risk");
        foreach (var s in briefing.Subjects)
        {
            table.AddRow(
                Markup.Escape(s.Id), Markup.Escape(s.Name), Number(s.Total, "N0"), BriefingJson.Hour(s.PeakHour), Number(s.PeakPersons, "N0"),
                Number(s.PeakDensity, "0.00"), BriefingJson.Level(s.PeakLevel), s.HoursAtRisk.Count == 0 ? "-" : string.Join(" ", s.HoursAtRisk.Select(BriefingJson.Hour)));
        }

        return table;
    }

    private static string Number(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
