using System.Reflection;

namespace Surgewatch.Storage.Postgres.Schema;

/// <summary>One forward step of the schema. Steps are never edited once released; a change is a new step.</summary>
/// <param name="Version">The version the database has after this step.</param>
/// <param name="Description">What the step does, recorded in <c>schema_version</c>.</param>
/// <param name="Sql">The statements, run in the migration's transaction.</param>
internal sealed record Migration(int Version, string Description, string Sql);

/// <summary>The schema's history, oldest first: embedded SQL scripts (<c>Schema/Migrations/NNNN_name.sql</c>).</summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "sensors, readings, forecasts, alerts, ingest log, api keys, zones, snapshots, deliveries, silences, audit, models", Script("0001_initial.sql")),
        new(2, "models: what they forecast and warn about (counters or roads)", Script("0002_model_subjects.sql")),
        new(3, "road graph", Script("0003_road_graph.sql")),
        new(4, "zone line balances", Script("0004_zone_balances.sql")),
        new(5, "notification outbox; delivery ids in the ledger", Script("0005_notification_outbox.sql")),
        new(6, "zone densities (the forecast rules' local trend)", Script("0006_zone_densities.sql")),
        new(7, "zone revision (zone lists kept until the zones change)", Script("0007_zone_revision.sql")),
    ];

    public static int Latest => All[^1].Version;

    private static string Script(string file)
    {
        var name = $"Surgewatch.Storage.Postgres.Migrations.{file}";
        using var stream = typeof(Migrations).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The migration script '{name}' is not embedded in {typeof(Migrations).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
