using System.Globalization;
using System.Text;
using System.Text.Json;
using Surgewatch.Core.Calendar;
using Surgewatch.Forecasting.XGBoost.Tests;
using Surgewatch.Ingestion.Calendars;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Cli.Tests.Generality;

/// <summary>
/// The generality check on data the model was never tuned on: another (northern-hemisphere) city with
/// different sensors, Ireland's public holidays and only one year of history, run through the same CLI
/// command and defaults an operator would use.
/// </summary>
public sealed class OtherCityBacktestTest
{
    // The data end on St Stephen's Day 2025: test on the last eight weeks, or on Christmas and St Stephen's Day alone.
    private const string LastEightWeeks = "2025-10-31";
    private const string Christmas = "2025-12-25";

    [RequiresXGBoostFact]
    public async Task Backtest_OneYearNorthernCityWithIrishHolidays_DefaultModelBeatsTheBaselines()
    {
        using var dir = new TempDirectory();
        var folder = WriteCity(dir);

        var best = await DayAhead(dir, folder, LastEightWeeks, "--holidays", "ie");
        var median = await DayAhead(dir, folder, LastEightWeeks, "--model", "historical-median-4w");
        var naive = await DayAhead(dir, folder, LastEightWeeks, "--model", "seasonal-naive-week");

        best.Model.Should().Be("gbm");
        best.Wape.Should().BeLessThan(median.Wape).And.BeLessThan(naive.Wape);
    }

    [RequiresXGBoostFact]
    public async Task Backtest_ChristmasInANorthernCity_IrishHolidayCalendarCutsTheErrorByMoreThanAnEighth()
    {
        using var dir = new TempDirectory();
        var folder = WriteCity(dir);

        var with = await DayAhead(dir, folder, Christmas, "--model", "gbm", "--holidays", "ie");
        var without = await DayAhead(dir, folder, Christmas, "--model", "gbm");

        with.Wape.Should().BeLessThan(without.Wape * 7 / 8, "Christmas and St Stephen's Day fall on a Thursday and a Friday but are quiet like a Sunday");
    }

    private static string WriteCity(TempDirectory dir)
    {
        var ireland = CalendarLibrary.Shipped.LoadRegion("ie");
        var holidays = ireland.Between(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 31)).Select(h => h.Date).ToHashSet();
        var options = new SyntheticCityOptions(6, new DateOnly(2025, 1, 6), 355, TimeSpan.FromHours(1), Seed: 31, Holidays: holidays, NorthernHemisphere: true);
        var batch = SyntheticCity.Create(options).GenerateObservations();
        var csv = new StringBuilder("timestamp,sensor_id,count\n");
        for (var i = 0; i < batch.Count; i++)
        {
            var id = batch.Sensors[batch.SensorIndexes[i]].Value.Replace("syn-", "dub-", StringComparison.Ordinal);
            var time = new TimeLabel(batch.TimeSeconds[i]).ToDateTime();
            csv.Append(CultureInfo.InvariantCulture, $"{time:yyyy-MM-dd'T'HH:mm:ss},{id},{batch.Values[i]}\n");
        }

        var folder = Path.Combine(dir.Path, "dublin");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "counts.csv"), csv.ToString());
        return folder;
    }

    private static async Task<Score> DayAhead(TempDirectory dir, string folder, string testFrom, params string[] model)
    {
        var json = Path.Combine(dir.Path, Guid.NewGuid().ToString("N") + ".json");
        string[] args = ["backtest", "--data", folder, "--test-from", testFrom, "--protocol", "day-ahead", "--no-intervals", "--json", json, .. model];
        var (exit, output) = await CliRunner.RunAsync(args);
        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        return new Score(root.GetProperty("model").GetString()!, root.GetProperty("overall").GetProperty("wape").GetDouble());
    }

    private sealed record Score(string Model, double Wape);
}
