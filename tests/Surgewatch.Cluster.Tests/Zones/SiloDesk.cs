using System.Collections.Concurrent;
using Orleans.Runtime;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Tests.Zones;

/// <summary>A test silo's alert desk: records the actions it is given and answers with its silo's address.</summary>
internal sealed class SiloDesk(ILocalSiloDetails silo) : IAlertDesk
{
    public ConcurrentQueue<AlertAction> Taken { get; } = new();

    public Task<AlertActionOutcome> ActAsync(AlertAction action, CancellationToken cancellationToken)
    {
        Taken.Enqueue(action);
        return Task.FromResult(new AlertActionOutcome(AlertActionResult.Done, silo.SiloAddress.ToParsableString()));
    }
}
