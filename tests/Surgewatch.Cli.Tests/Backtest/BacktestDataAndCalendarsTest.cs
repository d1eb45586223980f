using System.Globalization;
using System.Text;

namespace Surgewatch.Cli.Tests.Backtest;

public sealed class BacktestDataAndCalendarsTest
{
    [Fact]
    public async Task Backtest_DataFolderWithEdges_ScoresTheFolder()
    {
        using var dir = new TempDirectory();
        var folder = WriteRoadFolder(dir);

        var (exit, output) = await CliRunner.RunAsync("backtest", "--data", folder, "--model", "last-value", "--test-from", "2012-03-06");

        exit.Should().Be(0, output);
        output.Should().Contain("roads");
    }

    [Fact]
    public async Task Backtest_EdgesWithInvalidSensorId_FailsWithCode2NamingLineAndField()
    {
        using var dir = new TempDirectory();
        var folder = WriteRoadFolder(dir);
        File.WriteAllText(Path.Combine(folder, "edges.csv"), "from_id,to_id,weight\na,b,0.5\nb,not an id,0.5\n");

        var (exit, output) = await CliRunner.RunAsync("backtest", "--data", folder, "--model", "last-value", "--test-from", "2012-03-06");

        exit.Should().Be(2, output);
        output.Should().Contain("edges.csv line 3, field 'to_id'").And.Contain("not an id");
    }

    [Fact]
    public async Task Backtest_UnknownHolidayRegion_FailsWithCode2ListingTheRegions()
    {
        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--model", "gbm", "--holidays", "xx-nowhere");

        exit.Should().Be(2, output);
        output.Should().Contain("--holidays xx-nowhere").And.Contain("au-vic");
    }

    [Fact]
    public async Task Backtest_UnknownEvents_FailsWithCode2()
    {
        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--model", "gbm", "--events", "no-such-events");

        exit.Should().Be(2, output);
        output.Should().Contain("--events no-such-events");
    }

    [Fact]
    public async Task Backtest_EventsFileWithBadDate_FailsWithCode2NamingFileLineAndField()
    {
        using var dir = new TempDirectory();
        var events = dir.File("my-events.csv");
        File.WriteAllText(events, "# local events\nname,start,end,sensors,zones,expected_attendance\n\"Parade, big\",2014-02-30,2014-03-01,,,\n");

        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--model", "gbm", "--events", events);

        exit.Should().Be(2, output);
        output.Should().Contain("my-events.csv line 3, field 'start'").And.Contain("2014-02-30");
    }

    private static string WriteRoadFolder(TempDirectory dir)
    {
        var folder = Path.Combine(dir.Path, "roads");
        Directory.CreateDirectory(folder);
        var csv = new StringBuilder("timestamp,a,b\n");
        var start = new DateTime(2012, 3, 1);
        for (var i = 0; i < 7 * 288; i++)
        {
            var t = start.AddMinutes(5 * i).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{t},{60 + (i % 7)},{55 + (i % 5)}\n");
        }

        File.WriteAllText(Path.Combine(folder, "readings.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(folder, "edges.csv"), "from_id,to_id,weight\na,b,0.5\nb,a,0.5\n");
        return folder;
    }
}
