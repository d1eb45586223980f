using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Cluster;

/// <summary><c>GET /api/v1/cluster</c> on a server started without a cluster: one node, active, holding every zone.</summary>
public sealed class ClusterEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GetCluster_NoCluster_IsTheOneActiveNodeHoldingEveryZone()
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Collection(TestZones.Feature("north-gate"), TestZones.Feature("east-gate"))))).EnsureSuccessStatusCode();

        var response = await server.CreateClient().GetAsync("/api/v1/cluster");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var cluster = await response.ReadJsonAsync();
        var node = cluster.GetProperty("nodes").EnumerateArray().Should().ContainSingle().Subject;
        node.GetProperty("address").GetString().Should().Be(cluster.GetProperty("self").GetString()).And.NotBeNullOrEmpty();
        node.GetProperty("status").GetString().Should().Be("active");
        node.GetProperty("url").GetString().Should().StartWith("http");
        node.GetProperty("zones").EnumerateArray().Select(z => z.GetString()).Should().Equal("east-gate", "north-gate");
    }
}
