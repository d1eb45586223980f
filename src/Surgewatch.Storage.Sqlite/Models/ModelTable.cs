using System.Text.Json;
using Microsoft.Data.Sqlite;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Models;

internal static class ModelTable
{
    private const string Columns = "id, name, version, created_at_utc_ticks, features, train_from, train_to, step_seconds, sensors, state, surge_rule, validation, subjects";

    // The list leaves the (large) states out.
    private const string SummaryColumns = "id, name, version, created_at_utc_ticks, features, train_from, train_to, step_seconds, sensors, x'', NULL, validation, subjects";

    public static long Add(SqliteConnection connection, SavedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.Name, nameof(model));
        ArgumentNullException.ThrowIfNull(model.State, nameof(model));
        using var command = Sql.Command(connection, null, """
            INSERT INTO models (name, version, created_at_utc_ticks, features, train_from, train_to, step_seconds, sensors, state, surge_rule, validation, subjects)
            VALUES ($name, $version, $created, $features, $from, $to, $step, $sensors, $state, $rule, $validation, $subjects) RETURNING id
            """);
        command.Parameters.AddWithValue("$name", model.Name);
        command.Parameters.AddWithValue("$version", model.Version);
        command.Parameters.AddWithValue("$created", model.Created.UtcTicks);
        command.Parameters.AddWithValue("$features", model.Features);
        command.Parameters.AddWithValue("$from", model.TrainFrom.Seconds);
        command.Parameters.AddWithValue("$to", model.TrainTo.Seconds);
        command.Parameters.AddWithValue("$step", SlotCalendar.StepSeconds(model.Step));
        command.Parameters.AddWithValue("$sensors", JsonSerializer.Serialize(model.Sensors.Select(s => s.ToString()).ToArray()));
        command.Parameters.AddWithValue("$state", model.State);
        command.Parameters.AddWithValue("$rule", (object?)model.Rule ?? DBNull.Value);
        command.Parameters.AddWithValue("$validation", (object?)model.Validation ?? DBNull.Value);
        command.Parameters.AddWithValue("$subjects", ModelSubjectsText.Of(model.Subjects));
        return (long)command.ExecuteScalar()!;
    }

    public static SavedModel? Get(SqliteConnection connection, long id)
    {
        using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM models WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return ReadOne(command);
    }

    public static SavedModel? Latest(SqliteConnection connection, string? name, ModelSubjects? subjects)
    {
        using var command = Sql.Command(
            connection,
            null,
            $"SELECT {Columns} FROM models WHERE ($name IS NULL OR name = $name COLLATE NOCASE) AND ($subjects IS NULL OR subjects = $subjects) ORDER BY id DESC LIMIT 1");
        command.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        command.Parameters.AddWithValue("$subjects", subjects is { } s ? ModelSubjectsText.Of(s) : DBNull.Value);
        return ReadOne(command);
    }

    public static IReadOnlyList<SavedModel> List(SqliteConnection connection)
    {
        using var command = Sql.Command(connection, null, $"SELECT {SummaryColumns} FROM models ORDER BY id DESC");
        using var reader = command.ExecuteReader();
        var models = new List<SavedModel>();
        while (reader.Read())
        {
            models.Add(Read(reader));
        }

        return models;
    }

    private static SavedModel? ReadOne(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static SavedModel Read(SqliteDataReader reader)
    {
        var sensors = JsonSerializer.Deserialize<string[]>(reader.GetString(8)) ?? [];
        return new SavedModel(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
            reader.GetString(4),
            new TimeLabel(reader.GetInt64(5)),
            new TimeLabel(reader.GetInt64(6)),
            TimeSpan.FromSeconds(reader.GetInt64(7)),
            [.. sensors.Select(s => new SensorId(s))],
            (byte[])reader.GetValue(9),
            reader.IsDBNull(10) ? null : (byte[])reader.GetValue(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            ModelSubjectsText.Parse(reader.GetString(12)));
    }
}
