using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.ZoneSeries;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.ZoneSeries;

/// <summary>The zones' forecasts are made once a slot; a zone without enough history is not forecast again at every check.</summary>
public sealed class ForecastBroadcasterTests : IDisposable
{
    private static readonly TimeLabel Start = TimeLabel.FromDate(new DateOnly(2025, 2, 3)) + TimeSpan.FromHours(9);
    private readonly StoreFolder _store = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _store.Dispose();
    }

    [Fact]
    public async Task Refresh_ZonesWithoutHistory_ReadAgainOnlyAfterTheRetryInterval()
    {
        SyntheticZoneStore.Fill(_store.DatabasePath, Start, Start, TimeSpan.FromHours(1)); // the zones and sensors, no readings
        CountingObservations? counter = null;
        var time = new ManualTime(new DateTimeOffset(Start.ToDateTime(), TimeSpan.Zero));
        using var server = new ClockedServer(time, _store.DatabasePath, services: s => s.AddSingleton<IObservationStore>(
            p => CountingObservations.Wrap(p.GetRequiredService<SqliteStore>(), SeasonalRead, out counter))) { KeepFiles = true };
        _ = server.CreateClient();
        var zones = SyntheticZones.Zones().Count;

        var first = await EventuallyAsync(() => counter?.Reads ?? 0, n => n >= zones);
        first.Should().Be(zones, "each zone is forecast once at the first check");
        await Task.Delay(TimeSpan.FromSeconds(7)); // two more checks, 3 s apart
        counter!.Reads.Should().Be(zones, "an empty forecast is kept for a minute of the server clock, not made again at every check");

        time.Now += ForecastBroadcaster.RetryEmpty;
        (await EventuallyAsync(() => counter.Reads, n => n >= 2 * zones)).Should().Be(2 * zones, "after a minute each zone is tried again, once");
    }

    /// <summary>The fallback's read: a week and more of a zone's readings.</summary>
    private static bool SeasonalRead(ObservationQuery query) => query is { From: { } from, To: { } to } && to - from >= TimeSpan.FromDays(7);

    private static async Task<int> EventuallyAsync(Func<int> read, Func<int, bool> done)
    {
        for (var i = 0; i < 120 && !done(read()); i++)
        {
            await Task.Delay(250);
        }

        await Task.Delay(500); // and nothing more soon after
        return read();
    }
}
