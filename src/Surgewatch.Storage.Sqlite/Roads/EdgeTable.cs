using Microsoft.Data.Sqlite;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Sqlite.Connections;
using Surgewatch.Storage.Sqlite.Sensors;

namespace Surgewatch.Storage.Sqlite.Roads;

/// <summary>The <c>road_edges</c> table: the road graph, by sensor key.</summary>
internal static class EdgeTable
{
    /// <summary>Writes <paramref name="edges"/> in one transaction, first deleting every stored edge when <paramref name="replace"/>.</summary>
    public static int Write(SqliteConnection connection, IReadOnlyList<SensorEdge> edges, bool replace, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        var keys = SensorTable.KeysById(connection, transaction).ToDictionary(k => k.Id, k => k.Key);
        var rows = EdgeRows.Resolve(edges, keys);
        if (replace)
        {
            Sql.Execute(connection, transaction, "DELETE FROM road_edges");
        }

        using var command = Sql.Command(connection, transaction, """
            INSERT INTO road_edges (from_sensor, to_sensor, weight) VALUES ($from, $to, $weight)
            ON CONFLICT (from_sensor, to_sensor) DO UPDATE SET weight = excluded.weight
            """);
        var from = command.Parameters.Add("$from", SqliteType.Integer);
        var to = command.Parameters.Add("$to", SqliteType.Integer);
        var weight = command.Parameters.Add("$weight", SqliteType.Real);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (from.Value, to.Value, weight.Value) = (row.From, row.To, row.Weight);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return rows.Length;
    }

    public static IReadOnlyList<SensorEdge> List(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, null, """
            SELECT f.id, t.id, e.weight FROM road_edges e
            JOIN sensors f ON f.key = e.from_sensor JOIN sensors t ON t.key = e.to_sensor
            ORDER BY f.id, t.id
            """);
        using var reader = command.ExecuteReader();
        var edges = new List<SensorEdge>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            edges.Add(new SensorEdge(new SensorId(reader.GetString(0)), new SensorId(reader.GetString(1)), reader.GetDouble(2)));
        }

        return edges;
    }
}
