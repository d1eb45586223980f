using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Server.FunctionalTests.Hosting;

/// <summary>A store of record is registered once, as every port Core defines.</summary>
public sealed class StoreRegistrationTests : IDisposable
{
    private readonly StoreFolder _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void AddSurgewatchSqlite_EveryPort_ResolvesToTheOneStore()
    {
        using var services = new ServiceCollection().AddSurgewatchSqlite(_store.DatabasePath).BuildServiceProvider();
        var store = services.GetRequiredService<SqliteStore>();

        ISurgewatchStore.Ports.Should().HaveCount(14).And.Contain([typeof(IObservationStore), typeof(IRoadGraphStore), typeof(Core.Occupancy.IZoneBalanceStore), typeof(Core.Monitoring.IZoneDensityStore), typeof(Core.Outbox.INotificationOutbox)]);
        ISurgewatchStore.Ports.Should().OnlyContain(port => ReferenceEquals(services.GetRequiredService(port), store));
    }
}
