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

public sealed class WeakBootstrapTests
{
    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaa", "distinct characters")]
    [InlineData("abcabcabcabcabcabcabcabcabcabc", "distinct characters")]
    [InlineData("0123456789012345678901234", "bits of entropy")]
    public void Start_BootstrapKeyWithoutEntropy_FailsWithOneClearMessage(string key, string why)
    {
        using var server = new WeakKey(key);

        var start = () => server.CreateClient();

        start.Should().Throw<ServerSetupException>().Which.Message.Should().Contain(ServerOptions.BootstrapKeyVariable).And.Contain(why);
    }

    [Theory]
    [InlineData("kO3vN1c8qz0yJ5mB+Xr7hQe2Ld9TsUwA4fGpVn6iHbE=")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c")]
    public async Task Start_RandomBootstrapKey_IsAccepted(string key)
    {
        using var server = new WeakKey(key);

        (await server.ClientWithKey(key).GetAsync("/api/v1/keys")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private sealed class WeakKey(string key) : ServerFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            [ServerOptions.BootstrapKeyVariable] = key,
        };
    }
}

