using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>What every <see cref="IZoneBalanceStore"/> adapter must do; derive and supply <see cref="CreateStore"/>.</summary>
public abstract class ZoneBalanceStoreSpecification
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private IZoneBalanceStore? _store;

    /// <summary>Creates a new, empty store implementing <see cref="IZoneBalanceStore"/>.</summary>
    protected abstract IZoneBalanceStore CreateStore();

    private IZoneBalanceStore Store => _store ??= CreateStore();

    [StoreFact]
    public async Task LoadZoneBalancesAsync_NewStore_IsEmpty()
    {
        (await Store.LoadZoneBalancesAsync()).Should().BeEmpty();
    }

    [StoreFact]
    public async Task LoadZoneBalancesAsync_Upserted_ComeBackExactlyOrderedByZoneIdInOrdinalOrder()
    {
        var balances = new[]
        {
            Balance("gate-b", 412.75, T0.AddTicks(7), T0.AddMinutes(-3), ("b-out", T0.AddMinutes(-2).AddTicks(3)), ("b-in", T0.AddMinutes(-1))),
            Balance("Gate-A", null, T0, T0),
            Balance("gate-a", 0, T0.AddSeconds(1), T0.AddHours(-2)),
        };

        await Store.UpsertZoneBalancesAsync(balances);

        (await Store.LoadZoneBalancesAsync()).Should().Equal(balances[1], balances[2], balances[0]);
    }

    [StoreFact]
    public async Task UpsertZoneBalancesAsync_SameZoneAgain_ReplacesItsBalanceAndKeepsTheOthers()
    {
        await Store.UpsertZoneBalancesAsync([Balance("a", 10, T0, T0), Balance("b", 20, T0, T0)]);

        await Store.UpsertZoneBalancesAsync([Balance("a", null, T0.AddMinutes(1), T0.AddSeconds(30))]);

        (await Store.LoadZoneBalancesAsync()).Should().Equal(Balance("a", null, T0.AddMinutes(1), T0.AddSeconds(30)), Balance("b", 20, T0, T0));
    }

    private static ZoneBalance Balance(string zone, double? balance, DateTimeOffset integrated, DateTimeOffset crossing, params (string Sensor, DateTimeOffset At)[] counted) =>
        new(new ZoneId(zone), new LineBalanceState(balance, integrated, crossing) { Counted = counted.ToDictionary(c => new Core.Series.SensorId(c.Sensor), c => c.At) });
}
