using System.Text.Json;
using Npgsql;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Models;

/// <summary>The <c>models</c> table: fitted models with their state, so forecasts can be made later without fitting again.</summary>
internal static class ModelTable
{
    private const string Columns = "id, name, version, created_at_utc_ticks, features, train_from, train_to, step_seconds, sensors, state, surge_rule, validation, subjects";

    // The list leaves the (large) states out.
    private const string SummaryColumns = "id, name, version, created_at_utc_ticks, features, train_from, train_to, step_seconds, sensors, ''::bytea, NULL::bytea, validation, subjects";

    public static async Task<long> AddAsync(NpgsqlConnection connection, SavedModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.Name, nameof(model));
        ArgumentNullException.ThrowIfNull(model.State, nameof(model));
        await using var command = Sql.Command(connection, null, """
            INSERT INTO models (name, version, created_at_utc_ticks, features, train_from, train_to, step_seconds, sensors, state, surge_rule, validation, subjects)
            VALUES (@name, @version, @created, @features, @from, @to, @step, @sensors, @state, @rule, @validation, @subjects) RETURNING id
            """);
        var p = command.Parameters;
        p.AddWithValue("name", model.Name);
        p.AddWithValue("version", model.Version);
        p.AddWithValue("created", model.Created.UtcTicks);
        p.AddWithValue("features", model.Features);
        p.AddWithValue("from", model.TrainFrom.Seconds);
        p.AddWithValue("to", model.TrainTo.Seconds);
        p.AddWithValue("step", SlotCalendar.StepSeconds(model.Step));
        p.AddWithValue("sensors", JsonSerializer.Serialize(model.Sensors.Select(s => s.ToString()).ToArray()));
        p.AddWithValue("state", model.State);
        p.AddWithValue("rule", NpgsqlTypes.NpgsqlDbType.Bytea, (object?)model.Rule ?? DBNull.Value);
        p.AddWithValue("validation", NpgsqlTypes.NpgsqlDbType.Text, Sql.Of(model.Validation));
        p.AddWithValue("subjects", ModelSubjectsText.Of(model.Subjects));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<SavedModel?> GetAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM models WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)) is [var model] ? model : null;
    }

    public static async Task<SavedModel?> LatestAsync(NpgsqlConnection connection, string? name, ModelSubjects? subjects, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(
            connection,
            null,
            $"SELECT {Columns} FROM models WHERE (@name::text IS NULL OR lower(name) = lower(@name)) AND (@subjects::text IS NULL OR subjects = @subjects) ORDER BY id DESC LIMIT 1");
        command.Parameters.AddWithValue("name", NpgsqlTypes.NpgsqlDbType.Text, Sql.Of(name));
        command.Parameters.AddWithValue("subjects", NpgsqlTypes.NpgsqlDbType.Text, Sql.Of(subjects is { } s ? ModelSubjectsText.Of(s) : null));
        return (await ReadAsync(command, cancellationToken)) is [var model] ? model : null;
    }

    public static async Task<IReadOnlyList<SavedModel>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"SELECT {SummaryColumns} FROM models ORDER BY id DESC");
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<List<SavedModel>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var models = new List<SavedModel>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var sensors = JsonSerializer.Deserialize<string[]>(reader.GetString(8)) ?? [];
            models.Add(new SavedModel(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                Sql.Instant(reader.GetInt64(3)),
                reader.GetString(4),
                new TimeLabel(reader.GetInt64(5)),
                new TimeLabel(reader.GetInt64(6)),
                TimeSpan.FromSeconds(reader.GetInt64(7)),
                [.. sensors.Select(s => new SensorId(s))],
                (byte[])reader.GetValue(9),
                reader.IsDBNull(10) ? null : (byte[])reader.GetValue(10),
                Sql.NullableString(reader, 11),
                ModelSubjectsText.Parse(reader.GetString(12))));
        }

        return models;
    }
}
