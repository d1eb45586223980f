using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Surgewatch.Core.Cluster;
using Surgewatch.Cluster.Membership;
using Surgewatch.Cluster.Readings;
using Surgewatch.Cluster.Zones;

namespace Surgewatch.Cluster;

/// <summary>Co-hosts an Orleans silo with the server: Redis membership, one grain per zone, this node's share of the zones.</summary>
public static class ClusterHosting
{
    /// <summary>
    /// Adds the silo (in a host of its own, <see cref="SiloHost"/>) and registers <see cref="IZoneOwnership"/> (the
    /// zones whose grain lives here), <see cref="IZoneStatusShare"/> and <see cref="IModelsOutlookShare"/> (the zone
    /// statuses and the models' outlook carried by the sweeps), <see cref="IAlertShare"/> (the alert views carried by
    /// the sweeps, and actions handed to the holder), <see cref="IReadingsRelay"/> (what this node stores, sent on to the
    /// nodes whose steps use it) and <see cref="IClusterView"/>; call before the server's own
    /// services, which keep these. The membership's timing comes from <see cref="MembershipTiming.Section"/>.
    /// </summary>
    /// <exception cref="FormatException">A membership setting is not valid.</exception>
    public static void AddSurgewatchCluster(this IHostApplicationBuilder builder, ClusterSettings settings)
    {
        settings = settings with { Membership = MembershipTiming.From(builder.Configuration) };
        // Orleans and the resilience pipelines its placement runs log every call at Information; keep their warnings.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(settings.Membership);
        builder.Services.AddSingleton<HeldZones>();
        builder.Services.AddSingleton<ZoneStatusShare>();
        builder.Services.AddSingleton<AlertShare>();
        builder.Services.AddSingleton<SiloHost>();
        builder.Services.AddSingleton<ISiloServices>(s => s.GetRequiredService<SiloHost>());
        builder.Services.AddHostedService(s => s.GetRequiredService<SiloHost>());
        builder.Services.AddSingleton<IZoneOwnership>(s => s.GetRequiredService<HeldZones>());
        builder.Services.AddSingleton<IZoneStatusShare>(s => s.GetRequiredService<ZoneStatusShare>());
        builder.Services.AddSingleton<IModelsOutlookShare>(s => s.GetRequiredService<ZoneStatusShare>());
        builder.Services.AddSingleton<IAlertShare>(s => s.GetRequiredService<AlertShare>());
        builder.Services.AddSingleton<HolderMap>();
        builder.Services.AddSingleton<IClusterView, ClusterView>();
        builder.Services.AddHostedService<ZoneSweep>();
        builder.Services.AddSingleton<ReadingsRelay>();
        builder.Services.AddSingleton<IReadingsRelay>(s => s.GetRequiredService<ReadingsRelay>());
        builder.Services.AddHostedService(s => s.GetRequiredService<ReadingsRelay>());
    }

    /// <summary>
    /// What every silo that hosts zone grains needs (the test clusters use it too); keeps the held zones and shared
    /// statuses already registered. The node's <see cref="IRelayedReadings"/> (and <see cref="IAlertDesk"/>) come from
    /// its host.
    /// </summary>
    public static ISiloBuilder AddZoneGrains(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton<HeldZones>();
        silo.Services.TryAddSingleton<ZoneStatusShare>();
        silo.Services.TryAddSingleton<AlertShare>();
        silo.Services.TryAddSingleton<ISiloServices>(s => new OwnSilo(s));
        silo.AddPlacementDirector<ZonePlacement, ZonePlacementDirector>();
        silo.AddPlacementDirector<SiloPinnedPlacement, SiloPinnedPlacementDirector>();
        return silo;
    }

    /// <summary>A silo that is its own host (the test clusters): its services are at hand.</summary>
    private sealed class OwnSilo(IServiceProvider services) : ISiloServices
    {
        public Task<IServiceProvider> ServicesAsync(CancellationToken cancellationToken) => Task.FromResult(services);
    }
}
