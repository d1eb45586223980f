using System.Globalization;
using System.Text;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Dashboard.EndToEndTests.Infrastructure;

/// <summary>
/// A data folder shaped like the Melbourne pedestrian counters: <see cref="Sensors"/> hourly counters with positions
/// in sensors.csv, counts.csv in long form, no zones. The counts are the synthetic city's, and a few counters
/// (<see cref="SurgeSensors"/>) have a crowd of <see cref="SurgeMultiplier"/> times their usual level every Saturday
/// evening: rare enough to lie above the calibrated surge threshold, regular enough for a model to forecast it.
/// </summary>
internal static class CounterCityData
{
    public const int Sensors = 35;

    /// <summary>A Sunday: <see cref="HistoryDays"/> later it is Saturday 00:00, the replay's start, a day with a surge.</summary>
    public static readonly DateOnly FirstDay = new(2024, 9, 1);

    /// <summary>The days stored as history before the replay starts (the surge rule needs 90).</summary>
    public const int HistoryDays = 125;

    public const int SurgeSensors = 4;
    public const double SurgeMultiplier = 6;
    private static readonly TimeSpan SurgeFrom = TimeSpan.FromHours(18);
    private static readonly TimeSpan SurgeTo = TimeSpan.FromHours(23);

    /// <summary>Writes sensors.csv and counts.csv into <paramref name="folder"/> and returns the sensors' ids.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var city = SyntheticCity.Create(new SyntheticCityOptions(Sensors, FirstDay, HistoryDays + 3, TimeSpan.FromHours(1), Seed: 17, OutagesPerSensorYear: 0));
        var sensors = new StringBuilder("sensor_id,name,latitude,longitude\n");
        foreach (var sensor in city.Sensors)
        {
            sensors.Append(CultureInfo.InvariantCulture, $"{sensor.Id},{sensor.Name},{sensor.Location!.Value.Latitude:F6},{sensor.Location.Value.Longitude:F6}\n");
        }

        File.WriteAllText(Path.Combine(folder, "sensors.csv"), sensors.ToString());
        File.WriteAllText(Path.Combine(folder, "counts.csv"), Counts(city));
        return [.. city.Sensors.Select(s => s.Id.Value)];
    }

    private static string Counts(SyntheticCity city)
    {
        var surging = city.Sensors.Take(SurgeSensors).Select(s => s.Id).ToHashSet();
        var batch = city.GenerateObservations();
        var text = new StringBuilder("timestamp,sensor_id,count\n");
        var sensors = batch.SensorIndexes;
        var times = batch.TimeSeconds;
        var values = batch.Values;
        for (var i = 0; i < batch.Count; i++)
        {
            var sensor = batch.Sensors[sensors[i]];
            var label = new TimeLabel(times[i]);
            var value = surging.Contains(sensor) && Surging(label) ? Math.Round(values[i] * SurgeMultiplier) : values[i];
            text.Append(CultureInfo.InvariantCulture, $"{label},{sensor},{value}\n");
        }

        return text.ToString();
    }

    private static bool Surging(TimeLabel label)
    {
        var at = label.ToDateTime();
        return at.DayOfWeek == DayOfWeek.Saturday && at.TimeOfDay >= SurgeFrom && at.TimeOfDay < SurgeTo;
    }
}
