namespace Surgewatch.Cluster.Tests.Zones;

/// <summary>A test silo's services as a node's <see cref="ISiloServices"/>: the silo has started, so they are at hand.</summary>
internal sealed class StartedSilo(IServiceProvider services) : ISiloServices
{
    public Task<IServiceProvider> ServicesAsync(CancellationToken cancellationToken) => Task.FromResult(services);
}
