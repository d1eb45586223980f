using Orleans.Runtime;
using Surgewatch.Cluster.Membership;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Tests.Membership;

public sealed class ClusterViewTests
{
    [Theory]
    [InlineData(SiloStatus.Created, ClusterNodeStatus.Joining)]
    [InlineData(SiloStatus.Joining, ClusterNodeStatus.Joining)]
    [InlineData(SiloStatus.Active, ClusterNodeStatus.Active)]
    [InlineData(SiloStatus.ShuttingDown, ClusterNodeStatus.Dead)]
    [InlineData(SiloStatus.Stopping, ClusterNodeStatus.Dead)]
    [InlineData(SiloStatus.Dead, ClusterNodeStatus.Dead)]
    public void StatusOf_SiloStatus_OneOfTheApiStatuses(SiloStatus status, ClusterNodeStatus expected) =>
        ClusterView.StatusOf(status).Should().Be(expected);
}
