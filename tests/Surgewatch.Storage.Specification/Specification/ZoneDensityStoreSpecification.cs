using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>What every <see cref="IZoneDensityStore"/> adapter must do; derive and supply <see cref="CreateStore"/>.</summary>
public abstract class ZoneDensityStoreSpecification
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private IZoneDensityStore? _store;

    /// <summary>Creates a new, empty store implementing <see cref="IZoneDensityStore"/>.</summary>
    protected abstract IZoneDensityStore CreateStore();

    private IZoneDensityStore Store => _store ??= CreateStore();

    [StoreFact]
    public async Task LoadZoneDensitiesAsync_NewStore_IsEmpty()
    {
        (await Store.LoadZoneDensitiesAsync()).Should().BeEmpty();
    }

    [StoreFact]
    public async Task LoadZoneDensitiesAsync_Upserted_ComeBackExactlyWithNaNOrderedByZoneIdInOrdinalOrder()
    {
        var densities = new[]
        {
            Densities("gate-b", T0.AddTicks(7), 1.25, double.NaN, 0.1 + 0.2, double.Epsilon),
            Densities("Gate-A", T0, 4.5),
            Densities("gate-a", T0.AddMinutes(-59)),
        };

        await Store.UpsertZoneDensitiesAsync(densities);

        var loaded = await Store.LoadZoneDensitiesAsync();
        loaded.Select(d => d.Zone.Value).Should().Equal("Gate-A", "gate-a", "gate-b");
        loaded.Should().BeEquivalentTo([densities[1], densities[2], densities[0]], o => o.WithStrictOrdering());
        double.IsNaN(loaded[2].Values[1]).Should().BeTrue();
        loaded[2].Values[2].Should().Be(0.1 + 0.2, "doubles come back bit for bit");
    }

    [StoreFact]
    public async Task UpsertZoneDensitiesAsync_SameZoneAgain_ReplacesItsDensitiesAndKeepsTheOthers()
    {
        await Store.UpsertZoneDensitiesAsync([Densities("a", T0, 1, 2), Densities("b", T0, 3)]);

        await Store.UpsertZoneDensitiesAsync([Densities("a", T0.AddMinutes(1), 2, 2.5, 3)]);

        (await Store.LoadZoneDensitiesAsync()).Should().BeEquivalentTo([Densities("a", T0.AddMinutes(1), 2, 2.5, 3), Densities("b", T0, 3)], o => o.WithStrictOrdering());
    }

    private static ZoneDensities Densities(string zone, DateTimeOffset lastSlot, params double[] values) => new(new ZoneId(zone), lastSlot, values);
}
