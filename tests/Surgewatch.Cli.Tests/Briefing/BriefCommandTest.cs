using System.Text.Json;

namespace Surgewatch.Cli.Tests.Briefing;

public sealed class BriefCommandTest
{
    [Fact]
    public async Task Brief_PerSensor_WritesTheApiShapeWithPeakHour()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 2, days: 60));
        var json = dir.File("brief.json");

        var (exit, output) = await CliRunner.RunAsync("brief", "--date", "2024-02-20", "--data", data, "--model", "seasonal-naive-day", "--json", json);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = doc.RootElement;
        root.GetProperty("date").GetString().Should().Be("2024-02-20");
        var zones = root.GetProperty("zones").EnumerateArray().ToList();
        zones.Should().HaveCount(2);
        zones[0].GetProperty("zoneId").GetString().Should().Be("1");
        zones[0].GetProperty("peakHour").GetString().Should().Be("12:00");
        zones[0].GetProperty("total").GetDouble().Should().BeGreaterThan(0);
        zones[0].GetProperty("hoursAtRisk").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public async Task Brief_BadDate_FailsWithCode2()
    {
        var (exit, output) = await CliRunner.RunAsync("brief", "--date", "tomorrow", "--data", "nowhere");

        exit.Should().Be(2);
        output.Should().Contain("--date");
    }
}
