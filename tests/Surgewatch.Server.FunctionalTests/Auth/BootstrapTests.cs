using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.FunctionalTests.Auth;

/// <summary>A server started on a new store without a bootstrap key, whose reads need a key.</summary>
public sealed class ClosedServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.Database)}"] = DatabasePath,
        [$"{ServerOptions.Section}:{nameof(ServerOptions.RequireKeyForReads)}"] = "true",
    };
}

public sealed class BootstrapTests(ClosedServerFixture server) : IClassFixture<ClosedServerFixture>
{
    [Fact]
    public async Task Start_NewStoreWithoutBootstrapKey_AnnouncesOneGeneratedAdminKeyThatWorks()
    {
        _ = server.CreateClient();

        server.AnnouncedKeys.Should().ContainSingle();
        var response = await server.ClientWithKey(server.AnnouncedKeys[0]).GetAsync("/api/v1/sensors");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Logs.Lines.Should().NotContain(line => line.Contains(server.AnnouncedKeys[0]));
    }

    [Fact]
    public async Task GetSensors_ReadsRequireAKeyAndNoneGiven_Returns401()
    {
        var response = await server.ClientWithKey(null).GetAsync("/api/v1/sensors");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetHealth_ReadsRequireAKey_StaysPublic()
    {
        var response = await server.ClientWithKey(null).GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
