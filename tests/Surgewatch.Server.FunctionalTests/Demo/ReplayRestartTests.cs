using System.Globalization;
using System.Text.Json;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Demo;

/// <summary>A replay stopped part-way and started again on the same store and folder (<see cref="ReplayServerFixture"/>).</summary>
public sealed class ReplayRestartTests
{
    private const int Polls = 1200;

    [Fact]
    public async Task Replay_RestartedOnTheSameStore_ResumesWhereItsStoredReadingsEndAndGoesOn()
    {
        ReplayServerFixture second;
        using (var first = new ReplayServerFixture { KeepFiles = true })
        {
            var historyEnd = LabelOf(await HistoryStoredAsync(first));
            historyEnd.Should().Be(new DateTime(2014, 3, 4), "three days of history from 2014-03-01");

            // Twenty simulated hours: the counts labelled up to 19:00 are released by 20:00.
            first.Real.Now += TimeSpan.FromHours(20.25) / ReplayServerFixture.Speed;
            await WaitForAsync(first, "2014-03-04T19:00:00");
            second = ReplayServerFixture.Restart(first);
        }

        using (second)
        {
            var resumed = LabelOf(await HistoryStoredAsync(second));

            resumed.Should().Be(new DateTime(2014, 3, 4, 20, 0, 0), "the replay goes on where the stored readings end (the 19:00 count released at 20:00), not at the end of the history");
            second.Real.Now += TimeSpan.FromHours(1.25) / ReplayServerFixture.Speed;
            var labels = await WaitForAsync(second, "2014-03-04T20:00:00");
            labels.Should().Contain(l => l.StartsWith("2014-03-04T19:00:00", StringComparison.Ordinal), "what the first run stored is kept");
        }
    }

    private static DateTime LabelOf(JsonElement clock) =>
        DateTime.ParseExact(clock.GetProperty("now").GetString()![..19], "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The clock once the feeder has stored the history and moved the clock (from 2030 back to 2014).</summary>
    private static async Task<JsonElement> HistoryStoredAsync(ReplayServerFixture server)
    {
        for (var i = 0; i < Polls; i++)
        {
            var clock = await (await server.CreateClient().GetAsync("/api/v1/clock")).ReadJsonAsync();
            if (clock.GetProperty("now").GetString()!.StartsWith("2014", StringComparison.Ordinal))
            {
                return clock;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The replay did not store its history within a minute.");
    }

    private static async Task<List<string>> WaitForAsync(ReplayServerFixture server, string label)
    {
        for (var i = 0; i < Polls; i++)
        {
            var readings = await (await server.CreateClient().GetAsync($"/api/v1/readings?sensor=1&from=2014-03-04T00:00:00")).ReadJsonAsync();
            var labels = readings.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("timestamp").GetString()!).ToList();
            if (labels.Any(l => l.StartsWith(label, StringComparison.Ordinal)))
            {
                return labels;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The reading labelled {label} was not stored within a minute.");
    }
}
