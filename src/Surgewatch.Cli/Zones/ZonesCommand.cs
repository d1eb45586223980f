using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Surgewatch.Cli.Common;
using Surgewatch.Core.Zones;
using Surgewatch.Ingestion.GeoJson;

namespace Surgewatch.Cli.Zones;

/// <summary><c>surgewatch zones</c>: import, list and export the zones watched.</summary>
internal static class ZonesCommand
{
    public static Command Create(CliContext context) => new("zones", "Manage zones: the places whose crowd is watched (GeoJSON polygons with areas, widths, levels and sources).")
    {
        Import(context),
        List(context),
        Export(context),
    };

    private static Command Import(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A GeoJSON FeatureCollection of zone Polygons (see README, Data formats)." };
        var db = StoreOption.Create();
        var command = new Command("import", "Add zones from a GeoJSON file, replacing zones with the same id. A file with any error is refused whole, naming line and field.") { file, db };
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            var path = result.GetValue(file)!;
            CliParsing.RequireFileOrFolder(path, string.Empty);
            var zones = ZonesGeoJson.ReadFile(path);
            using var store = StoreOption.Open(result.GetValue(db)!);
            await store.Zones.UpsertZonesAsync(zones, cancellation);
            context.Console.MarkupLineInterpolated($"Imported [bold]{zones.Count}[/] zones from {path}.");
            context.Console.Write(Table(zones));
            return 0;
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = StoreOption.Existing();
        var command = new Command("list", "Show the stored zones with their areas, widths, capacities, levels and sources.") { db };
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            using var store = StoreOption.OpenExisting(result.GetValue(db)!);
            context.Console.Write(Table(await store.Zones.ListZonesAsync(cancellation)));
            return 0;
        }));
        return command;
    }

    private static Command Export(CliContext context)
    {
        var db = StoreOption.Existing();
        var output = new Option<FileInfo?>("--out") { Description = "Write the GeoJSON here (default: standard output)." };
        var command = new Command("export", "Write the stored zones as GeoJSON, in the shape import reads.") { db, output };
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            using var store = StoreOption.OpenExisting(result.GetValue(db)!);
            var zones = await store.Zones.ListZonesAsync(cancellation);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                ZonesGeoJson.Write(writer, zones);
            }

            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, buffer.ToArray(), cancellation);
                context.Console.MarkupLineInterpolated($"Wrote {zones.Count} zones to {file.FullName}.");
            }
            else
            {
                context.Console.Profile.Out.Writer.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                context.Console.Profile.Out.Writer.WriteLine();
            }

            return 0;
        }));
        return command;
    }

    private static Table Table(IReadOnlyList<Zone> zones)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("id").AddColumn("name").AddColumn(new TableColumn("area m²").RightAligned()).AddColumn(new TableColumn("width m").RightAligned())
            .AddColumn(new TableColumn("capacity").RightAligned()).AddColumn("density levels").AddColumn("sources");
        foreach (var zone in zones)
        {
            var l = zone.Levels;
            table.AddRow(
                Markup.Escape(zone.Id.Value),
                Markup.Escape(zone.Name),
                zone.AreaSquareMetres.ToString("N0", CultureInfo.InvariantCulture),
                zone.WidthMetres?.ToString("0.#", CultureInfo.InvariantCulture) ?? "–",
                zone.Capacity?.ToString("N0", CultureInfo.InvariantCulture) ?? "–",
                FormattableString.Invariant($"{l.DensityWarning} / {l.DensityAlarm} / {l.DensityCritical}"),
                Markup.Escape(string.Join(", ", zone.Sources.Select(s => $"{s.Sensor} ({s.Role})"))));
        }

        return table;
    }
}
