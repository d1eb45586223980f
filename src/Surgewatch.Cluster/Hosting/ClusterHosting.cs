using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Surgewatch.Core.Cluster;
using Surgewatch.Cluster.Membership;
using Surgewatch.Cluster.Zones;

namespace Surgewatch.Cluster;

/// <summary>Co-hosts an Orleans silo with the server: Redis membership, one grain per zone, this node's share of the zones.</summary>
public static class ClusterHosting
{
    /// <summary>
    /// Adds the silo and registers <see cref="IZoneOwnership"/> (the zones whose grain lives here),
    /// <see cref="IZoneStatusShare"/> and <see cref="IModelsOutlookShare"/> (the zone statuses and the models' outlook
    /// carried by the sweeps) and <see cref="IClusterView"/>; call
    /// before the server's own services, which keep these.
    /// </summary>
    public static void AddSurgewatchCluster(this IHostApplicationBuilder builder, ClusterSettings settings)
    {
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(settings.Redis);
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ClusterId));
            silo.Configure<SiloOptions>(o => o.SiloName = settings.Url);
            silo.ConfigureEndpoints(settings.Advertised, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            silo.AddZoneGrains();
        });
        // Orleans and the resilience pipelines its placement runs log every call at Information; keep their warnings.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<IZoneOwnership>(s => s.GetRequiredService<HeldZones>());
        builder.Services.AddSingleton<IZoneStatusShare>(s => s.GetRequiredService<ZoneStatusShare>());
        builder.Services.AddSingleton<IModelsOutlookShare>(s => s.GetRequiredService<ZoneStatusShare>());
        builder.Services.AddSingleton<HolderMap>();
        builder.Services.AddSingleton<IClusterView, ClusterView>();
        builder.Services.AddHostedService<ZoneSweep>();
    }

    /// <summary>What every silo that hosts zone grains needs (the test clusters use it too).</summary>
    public static ISiloBuilder AddZoneGrains(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<HeldZones>();
        silo.Services.AddSingleton<ZoneStatusShare>();
        silo.AddPlacementDirector<ZonePlacement, ZonePlacementDirector>();
        return silo;
    }
}
