using Npgsql;
using NpgsqlTypes;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;
using Surgewatch.Storage.Postgres.Sensors;

namespace Surgewatch.Storage.Postgres.Roads;

/// <summary>The <c>road_edges</c> table: the road graph, by sensor key.</summary>
internal static class EdgeTable
{
    /// <summary>Writes <paramref name="edges"/> in the caller's transaction, first deleting every stored edge when <paramref name="replace"/>.</summary>
    public static async Task<int> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<SensorEdge> edges, bool replace, CancellationToken cancellationToken)
    {
        var keys = (await SensorTable.KeysByIdAsync(connection, transaction, cancellationToken)).ToDictionary(k => k.Id, k => k.Key);
        var rows = EdgeRows.Resolve(edges, keys);
        if (replace)
        {
            await Sql.ExecuteAsync(connection, transaction, "DELETE FROM road_edges", cancellationToken);
        }

        await using var command = Sql.Command(connection, transaction, """
            INSERT INTO road_edges (from_sensor, to_sensor, weight) VALUES (@from, @to, @weight)
            ON CONFLICT (from_sensor, to_sensor) DO UPDATE SET weight = excluded.weight
            """);
        var from = command.Parameters.Add("from", NpgsqlDbType.Bigint);
        var to = command.Parameters.Add("to", NpgsqlDbType.Bigint);
        var weight = command.Parameters.Add("weight", NpgsqlDbType.Double);
        foreach (var row in rows)
        {
            (from.Value, to.Value, weight.Value) = (row.From, row.To, row.Weight);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows.Length;
    }

    public static async Task<IReadOnlyList<SensorEdge>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT f.id, t.id, e.weight FROM road_edges e
            JOIN sensors f ON f.key = e.from_sensor JOIN sensors t ON t.key = e.to_sensor
            ORDER BY f.id COLLATE "C", t.id COLLATE "C"
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var edges = new List<SensorEdge>();
        while (await reader.ReadAsync(cancellationToken))
        {
            edges.Add(new SensorEdge(new SensorId(reader.GetString(0)), new SensorId(reader.GetString(1)), reader.GetDouble(2)));
        }

        return edges;
    }
}
