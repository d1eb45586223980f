using System.Globalization;
using Spectre.Console;
using Surgewatch.Core.Briefing;

namespace Surgewatch.Cli.Briefing;

/// <summary>The briefing report as a console table, with the same figures as its JSON.</summary>
internal static class BriefingTable
{
    public static Table Build(BriefingReport report)
    {
        var model = report.Model is null ? "no forecast" : report.ModelId is { } id ? $"{report.Model} #{id}, {report.Method}" : $"{report.Model}, {report.Method}";
        var table = new Table()
            .Title(Markup.Escape($"Briefing for {report.Date} ({model})"))
            .AddColumn("id").AddColumn("name").AddColumn("total").AddColumn("peak hour").AddColumn("peak persons")
            .AddColumn("peak density").AddColumn("peak level").AddColumn("hours at risk");
        foreach (var z in report.Zones)
        {
            table.AddRow(
                Markup.Escape(z.ZoneId), Markup.Escape(z.Name), Number(z.Total, "N0"), z.PeakHour ?? "-", Number(z.PeakPersons, "N0"),
                Number(z.PeakDensity, "0.000"), z.PeakLevel, z.HoursAtRisk.Count == 0 ? "-" : string.Join(" ", z.HoursAtRisk));
        }

        return table;
    }

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
