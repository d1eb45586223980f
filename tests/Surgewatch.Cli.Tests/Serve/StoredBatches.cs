using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Cli.Tests.Serve;

/// <summary>What a store file holds of the batches posted to it, and every way it breaks the all-or-nothing promise.</summary>
/// <param name="Readings">Rows in the store.</param>
/// <param name="Complete">Batches stored whole: every row, with its value, and its sensor.</param>
/// <param name="CompleteWithoutAcknowledgement">
/// Complete batches whose reply the kill cut: committed just before it, which is allowed (a client that got no reply
/// posts again, and posting a batch again leaves the same state).
/// </param>
/// <param name="Absent">Batches of which nothing is stored, not even the sensor.</param>
/// <param name="Problems">Partial batches, acknowledged batches not stored whole, failed batches and rows of no batch.</param>
internal sealed record StoredBatches(long Readings, int Complete, int CompleteWithoutAcknowledgement, int Absent, IReadOnlyList<string> Problems)
{
    /// <summary>Opens <paramref name="database"/> directly (as the next start would) and checks each batch in it.</summary>
    public static async Task<StoredBatches> CheckAsync(string database, IReadOnlyList<TrackedBatch> batches)
    {
        using var store = SqliteStore.Open(database);
        var stored = await store.ReadObservationsAsync(new ObservationQuery());
        var sensors = (await store.ListSensorsAsync()).Select(s => s.Id.Value).ToHashSet(StringComparer.Ordinal);
        var rows = RowsBySensor(stored);
        var problems = new List<string>();
        int complete = 0, completeWithoutAcknowledgement = 0, absent = 0;
        foreach (var batch in batches)
        {
            rows.Remove(batch.SensorId, out var found);
            var hasSensor = sensors.Remove(batch.SensorId);
            if (found is null && !hasSensor)
            {
                absent++;
            }
            else if (hasSensor && IsWhole(batch, found))
            {
                complete++;
                completeWithoutAcknowledgement += batch.Outcome == BatchOutcome.Acknowledged ? 0 : 1;
            }
            else
            {
                problems.Add($"{batch} is partial: {found?.Count ?? 0} of {batch.Size} rows stored (values as sent: {found is not null && Matches(batch, found)}), sensor stored: {hasSensor}");
            }

            if (batch.Outcome == BatchOutcome.Acknowledged && !(hasSensor && IsWhole(batch, found)))
            {
                problems.Add($"{batch} was acknowledged but is not stored whole");
            }
            else if (batch.Outcome == BatchOutcome.Failed)
            {
                problems.Add($"{batch}: {batch.Failure}");
            }
        }

        problems.AddRange(rows.Keys.Concat(sensors).Distinct().Select(s => $"sensor {s} is stored but no batch wrote it"));
        return new StoredBatches(stored.Count, complete, completeWithoutAcknowledgement, absent, problems);
    }

    private static Dictionary<string, List<(long Seconds, double Value)>> RowsBySensor(ObservationBatch stored)
    {
        var rows = new Dictionary<string, List<(long, double)>>(StringComparer.Ordinal);
        var sensorOf = stored.SensorIndexes;
        var times = stored.TimeSeconds;
        var values = stored.Values;
        for (var i = 0; i < stored.Count; i++)
        {
            var sensor = stored.Sensors[sensorOf[i]].Value;
            if (!rows.TryGetValue(sensor, out var list))
            {
                rows[sensor] = list = [];
            }

            list.Add((times[i], values[i]));
        }

        return rows;
    }

    private static bool IsWhole(TrackedBatch batch, List<(long Seconds, double Value)>? found) =>
        found is not null && found.Count == batch.Size && Matches(batch, found);

    // The store returns each sensor's rows ordered by label, which is the batch's row order.
    private static bool Matches(TrackedBatch batch, List<(long Seconds, double Value)> found)
    {
        for (var row = 0; row < found.Count; row++)
        {
            if (row >= batch.Size || found[row].Seconds != TrackedBatch.LabelOf(row).Seconds || found[row].Value != batch.ValueOf(row))
            {
                return false;
            }
        }

        return true;
    }
}
