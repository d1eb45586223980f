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
        root.GetProperty("model").GetString().Should().Be("seasonal-naive-day");
        root.GetProperty("method").GetString().Should().Be("fitted");
        root.GetProperty("fallback").ValueKind.Should().Be(JsonValueKind.Null);
        var zones = root.GetProperty("zones").EnumerateArray().ToList();
        zones.Should().HaveCount(2);
        var first = zones.Single(z => z.GetProperty("zoneId").GetString() == "1");
        first.GetProperty("peakHour").GetString().Should().Be("12:00");
        first.GetProperty("total").GetDouble().Should().BeGreaterThan(0);
        first.GetProperty("hoursAtRisk").ValueKind.Should().Be(JsonValueKind.Array);

        // Piped (not a terminal): tab-separated plain text, a header and one line per counter in the report's order.
        var lines = output.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('\t', StringComparison.Ordinal)).ToList();
        lines[0].Split('\t').Should().Equal("level", "id", "name", "peak", "peak persons", "peak density", "total", "hours at risk");
        lines.Skip(1).Select(l => l.Split('\t')[1]).Should().Equal(zones.Select(z => z.GetProperty("zoneId").GetString()));
        output.Should().NotContain("─").And.NotContain("│");
    }

    [Theory]
    [InlineData(new string[0], "-")]
    [InlineData(new[] { "08:00" }, "08:00-09:00")]
    [InlineData(new[] { "08:00", "09:00", "10:00", "17:00", "23:00" }, "08:00-11:00 17:00-18:00 23:00-24:00")]
    public void Ranges_HoursAtRisk_WritesRunsEndingAtTheEndOfTheirLastHour(string[] hours, string expected) =>
        Surgewatch.Cli.Briefing.BriefingTable.Ranges(hours).Should().Be(expected);

    [Fact]
    public async Task Brief_DataWithoutModelOfTenDays_StatesTheWeeklyProfileFallback()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 1, days: 10));
        var json = dir.File("brief.json");

        var (exit, output) = await CliRunner.RunAsync("brief", "--date", "2024-01-11", "--data", data, "--json", json);

        exit.Should().Be(0, output);
        output.Should().Contain("Fallback:");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        doc.RootElement.GetProperty("method").GetString().Should().Be("weekly-profile");
        doc.RootElement.GetProperty("fallback").GetString().Should().StartWith("no deployed model").And.Contain("history of 10 days is shorter than the 14");
        doc.RootElement.GetProperty("zones")[0].GetProperty("peakHour").GetString().Should().Be("12:00");
    }

    [Fact]
    public async Task Brief_DataOfThreeDays_NoForecastWithNullFigures()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 1, days: 3));
        var json = dir.File("brief.json");

        var (exit, output) = await CliRunner.RunAsync("brief", "--date", "2024-01-04", "--data", data, "--model", "gbm", "--json", json);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = doc.RootElement;
        root.GetProperty("method").GetString().Should().Be("none");
        root.GetProperty("model").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("fallback").GetString().Should().Contain("history of 3 days is shorter than the 7 the weekly profile needs");
        var zone = root.GetProperty("zones")[0];
        zone.GetProperty("total").ValueKind.Should().Be(JsonValueKind.Null);
        zone.GetProperty("peakLevel").GetString().Should().Be("no-data");
    }

    [Fact]
    public async Task Brief_UnknownModel_FailsWithCode2NamingTheModels()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 1, days: 3));

        var (exit, output) = await CliRunner.RunAsync("brief", "--date", "2024-01-04", "--data", data, "--model", "crystal-ball");

        exit.Should().Be(2);
        output.Should().Contain("crystal-ball").And.Contain("historical-median-4w");
    }

    [Fact]
    public async Task Brief_BadDate_FailsWithCode2()
    {
        var (exit, output) = await CliRunner.RunAsync("brief", "--date", "tomorrow", "--data", "nowhere");

        exit.Should().Be(2);
        output.Should().Contain("--date");
    }
}
