using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;
using Surgewatch.Core.Briefing;

namespace Surgewatch.Cli.Briefing;

/// <summary>
/// The briefing report on the console, one row per zone or counter in the report's order (riskiest first), with the
/// same figures as its JSON: a compact table on a terminal, tab-separated plain text when the output is piped.
/// </summary>
internal static class BriefingTable
{
    private static readonly string[] Columns = ["level", "id", "name", "peak", "peak persons", "peak density", "total", "hours at risk"];
    private static readonly string[] JamColumns = ["from", "to", "level", "road", "name", "lowest speed"];

    /// <summary>The table for <paramref name="console"/>: plain text unless it is an interactive terminal.</summary>
    public static IRenderable Build(BriefingReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!console.Profile.Capabilities.Interactive)
        {
            return new Text(Plain(report));
        }

        return report.Roads is { } roads ? new Rows(Table(report), Jams(roads)) : Table(report);
    }

    /// <summary>The day's expected jams by road, earliest first, under the roads model that forecast them.</summary>
    public static Table Jams(BriefingReportRoads roads)
    {
        ArgumentNullException.ThrowIfNull(roads);
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(JamsTitle(roads)));
        foreach (var column in JamColumns)
        {
            table.AddColumn(new TableColumn(column) { Alignment = column == "lowest speed" ? Justify.Right : Justify.Left });
        }

        foreach (var jam in roads.Jams)
        {
            table.AddRow(jam.From, jam.To, $"[{Colour(jam.Level)}]{jam.Level}[/]", Markup.Escape(jam.SensorId), Markup.Escape(jam.Name), jam.LowestSpeed.ToString("0.0", CultureInfo.InvariantCulture));
        }

        return table;
    }

    /// <summary>A compact table: the level in its colour, hours at risk as ranges, the density column only when a zone has one.</summary>
    public static Table Table(BriefingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var density = report.Zones.Any(z => z.PeakDensity is not null);
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(Title(report)));
        foreach (var column in Columns.Where(c => density || c != "peak density"))
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "peak persons" or "peak density" or "total" ? Justify.Right : Justify.Left });
        }

        foreach (var z in report.Zones)
        {
            var cells = new List<string>
            {
                $"[{Colour(z.PeakLevel)}]{z.PeakLevel}[/]", Markup.Escape(z.ZoneId), Markup.Escape(z.Name), z.PeakHour ?? "-", Number(z.PeakPersons, "N0"),
            };
            if (density)
            {
                cells.Add(Number(z.PeakDensity, "0.000"));
            }

            cells.Add(Number(z.Total, "N0"));
            cells.Add(Ranges(z.HoursAtRisk));
            table.AddRow([.. cells]);
        }

        return table;
    }

    /// <summary>Tab-separated lines: comment lines with the day, the model and any fallback, the header, one line per subject.</summary>
    public static string Plain(BriefingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("# ").Append(Title(report)).Append('\n');
        if (report.Fallback is { } fallback)
        {
            text.Append("# Fallback: ").Append(Clean(fallback)).Append('\n');
        }

        text.AppendJoin('\t', Columns).Append('\n');
        foreach (var z in report.Zones)
        {
            text.AppendJoin('\t', z.PeakLevel, Clean(z.ZoneId), Clean(z.Name), z.PeakHour ?? "-", Number(z.PeakPersons, "0"), Number(z.PeakDensity, "0.000"),
                Number(z.Total, "0"), Ranges(z.HoursAtRisk)).Append('\n');
        }

        if (report.Roads is { } roads)
        {
            text.Append("# ").Append(JamsTitle(roads)).Append('\n');
            text.AppendJoin('\t', JamColumns).Append('\n');
            foreach (var jam in roads.Jams)
            {
                text.AppendJoin('\t', jam.From, jam.To, jam.Level, Clean(jam.SensorId), Clean(jam.Name), jam.LowestSpeed.ToString("0.0", CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Hours (<c>HH:00</c>) as runs: <c>08:00-11:00 17:00-18:00</c>, each run's end the end of its last hour; "-" for none.</summary>
    public static string Ranges(IReadOnlyList<string> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (hours.Count == 0)
        {
            return "-";
        }

        var numbers = hours.Select(h => int.Parse(h.AsSpan(0, 2), CultureInfo.InvariantCulture)).Order().ToList();
        var runs = new List<string>();
        var start = numbers[0];
        for (var i = 1; i <= numbers.Count; i++)
        {
            if (i < numbers.Count && numbers[i] == numbers[i - 1] + 1)
            {
                continue;
            }

            runs.Add($"{BriefingReport.Hour(start)}-{BriefingReport.Hour(numbers[i - 1] + 1)}");
            if (i < numbers.Count)
            {
                start = numbers[i];
            }
        }

        return string.Join(' ', runs);
    }

    private static string Title(BriefingReport report)
    {
        var model = report.Model is null ? "no forecast" : report.ModelId is { } id ? $"{report.Model} #{id}, {report.Method}" : $"{report.Model}, {report.Method}";
        return $"Briefing for {report.Date} ({model}), riskiest first";
    }

    private static string JamsTitle(BriefingReportRoads roads) =>
        roads.Jams.Count == 0 ? $"No jams expected on the roads ({roads.Model} #{roads.ModelId})" : $"Expected jams by road ({roads.Model} #{roads.ModelId}), earliest first";

    private static string Colour(string level) => level switch
    {
        "critical" or "jammed" => "red bold",
        "congested" => "red",
        "alarm" => "red",
        "warning" => "yellow",
        "ok" => "green",
        _ => "grey",
    };

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ');

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
