using System.Text.Json;

namespace Surgewatch.Cli.Tests.Warnings;

public sealed class EvaluateWarningsCommandTest
{
    [Fact]
    public async Task EvaluateWarnings_SmallData_WritesEveryFieldForProductAndBaseline()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 2, days: 130));
        var json = dir.File("warnings.json");

        var (exit, output) = await CliRunner.RunAsync(
            "evaluate-warnings", "--data", data, "--test-from", "2024-04-20", "--model", "seasonal-naive-week", "--calibration-weeks", "2", "--json", json);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = doc.RootElement;
        foreach (var field in new[] { "events", "recallLead1h", "recallDayAhead", "medianLeadHours", "episodes", "precision", "falseEpisodesPerSensor30d" })
        {
            root.TryGetProperty(field, out _).Should().BeTrue(field);
            root.GetProperty("baseline").TryGetProperty(field, out _).Should().BeTrue("baseline." + field);
        }

        root.GetProperty("model").GetString().Should().Be("seasonal-naive-week");
        root.GetProperty("baseline").GetProperty("model").GetString().Should().Be("historical-median-4w");
        root.GetProperty("sensors").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task EvaluateWarnings_TestFromOutsideTheData_FailsWithCode2()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 1, days: 10));

        var (exit, output) = await CliRunner.RunAsync("evaluate-warnings", "--data", data, "--test-from", "2030-01-01");

        exit.Should().Be(2);
        output.Should().Contain("--test-from");
    }
}
