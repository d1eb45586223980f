using Microsoft.Extensions.Configuration;
using Surgewatch.Cli.Common;
using Surgewatch.Cli.Serve;

namespace Surgewatch.Cli.Tests.Serve;

public class ServeModeTest
{
    [Fact]
    public void Configure_ReplayWithSiteZoneHistoryAndAttribution_SetsTheServerSettings()
    {
        using var dir = new TempDirectory();
        var mode = new ServeMode(false, new DirectoryInfo(dir.Path), 600) { SiteZone = "Australia/Melbourne", HistoryDays = 90, Attribution = "City of Melbourne" };
        var configuration = new ConfigurationManager();

        mode.Validate();
        mode.Configure(configuration);

        configuration["Surgewatch:Mode"].Should().Be("Replay");
        configuration["Surgewatch:ReplayFolder"].Should().Be(dir.Path);
        configuration["Surgewatch:SiteZone"].Should().Be("Australia/Melbourne");
        configuration["Surgewatch:HistoryDays"].Should().Be("90");
        configuration["Surgewatch:Attribution"].Should().Be("City of Melbourne");
    }

    [Fact]
    public void Configure_ReplayOfRoadSpeeds_SetsTheReplayKind()
    {
        using var dir = new TempDirectory();
        var mode = new ServeMode(false, new DirectoryInfo(dir.Path), 600) { Kind = Core.Series.SensorKind.RoadSpeed };
        var configuration = new ConfigurationManager();

        mode.Validate();
        mode.Configure(configuration);

        configuration["Surgewatch:ReplayKind"].Should().Be("RoadSpeed");
    }

    [Fact]
    public void Validate_KindWithoutReplay_SaysItGoesWithReplay()
    {
        var act = () => new ServeMode(false, null, 60) { Kind = Core.Series.SensorKind.RoadSpeed }.Validate();

        act.Should().Throw<UserInputException>().WithMessage("--kind goes with --replay*");
    }

    [Fact]
    public void Configure_NoAttribution_LeavesItToTheReadme()
    {
        using var dir = new TempDirectory();
        var configuration = new ConfigurationManager();

        new ServeMode(false, new DirectoryInfo(dir.Path), 600).Configure(configuration);

        configuration["Surgewatch:Attribution"].Should().BeNull();
    }

    [Theory]
    [InlineData(" ", null, null, "--attribution")]
    [InlineData("ask jo@city.example", null, null, "--attribution")]
    [InlineData(null, "Mars/Olympus", null, "--site-zone")]
    [InlineData(null, null, 0, "--history-days")]
    public void Validate_BadOption_RefusesNamingIt(string? attribution, string? zone, int? days, string option)
    {
        var mode = new ServeMode(false, null, 60) { Attribution = attribution, SiteZone = zone, HistoryDays = days };

        var act = mode.Validate;

        act.Should().Throw<UserInputException>().WithMessage($"{option}*");
    }
}
