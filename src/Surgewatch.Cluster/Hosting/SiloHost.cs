using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Surgewatch.Cluster.Zones;

namespace Surgewatch.Cluster;

/// <summary>
/// The node's Orleans silo, in a host of its own inside the server's process, so that Orleans keeps real time: the
/// server registers its clock as the <see cref="TimeProvider"/>, and in demo or replay mode that clock runs many times
/// faster than real time; Orleans takes the <see cref="TimeProvider"/> of its container for its probes, timers and
/// membership timestamps, and on the server's it suspected live silos and complained of late timers all the time. The
/// silo shares the server's logging, the node's held zones, shared statuses and alert views (the same instances on both
/// sides), and reaches the server's alert desk and its intake of relayed readings.
/// </summary>
internal sealed class SiloHost(ClusterSettings settings, HeldZones held, ZoneStatusShare share, IServiceProvider server, ILoggerFactory logs) : ISiloServices, IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource<IServiceProvider> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IHost? _host;

    public async Task<IServiceProvider> ServicesAsync(CancellationToken cancellationToken) => await _started.Task.WaitAsync(cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton(held);
        builder.Services.AddSingleton(share);
        // Resolved here, not taken by the constructor: the alert share reaches the grains through this host.
        builder.Services.AddSingleton(server.GetRequiredService<AlertShare>());
        builder.Services.AddSingleton<ISiloServices>(this);
        // The zone grains hand other nodes' alert actions to this node's desk, which lives in the server's container.
        builder.Services.AddSingleton<Core.Cluster.IAlertDesk>(_ => server.GetService<Core.Cluster.IAlertDesk>()!);
        // Readings other nodes stored enter the server's pipeline.
        builder.Services.AddSingleton<Core.Cluster.IRelayedReadings>(_ => server.GetRequiredService<Core.Cluster.IRelayedReadings>());
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(o =>
            {
                o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(settings.Redis);
                // The Redis client's own socket threads (ten of them) woke hundreds of times a second on an idle node;
                // the thread pool serves its few reads and writes.
                o.ConfigurationOptions.SocketManager = StackExchange.Redis.SocketManager.ThreadPool;
            });
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ClusterId));
            silo.Configure<SiloOptions>(o => o.SiloName = settings.Url);
            silo.Configure<ClusterMembershipOptions>(settings.Membership.ApplyTo);
            silo.ConfigureEndpoints(settings.Advertised, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            silo.AddZoneGrains();
        });
        _host = builder.Build();
        try
        {
            await _host.StartAsync(cancellationToken);
        }
        catch (Exception e)
        {
            _started.TrySetException(e);
            throw;
        }

        _started.TrySetResult(_host.Services);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _host?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _started.TrySetCanceled();
        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync();
        }
    }
}

/// <summary>The services of the node's silo (its grain factory, its own address), once it has started.</summary>
internal interface ISiloServices
{
    /// <summary>The silo's services; waits until it has started.</summary>
    Task<IServiceProvider> ServicesAsync(CancellationToken cancellationToken);
}
