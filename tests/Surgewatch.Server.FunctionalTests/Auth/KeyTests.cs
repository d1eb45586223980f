using System.Net;
using System.Net.Http.Json;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Auth;

public sealed class KeyTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task PostReadings_WithoutKey_Returns401WithBearerChallenge()
    {
        var response = await server.ClientWithKey(null).PostAsync("/api/v1/readings", Bodies.HourlyJson("auth-1", 1));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("test-admin-key-0123456789abcdefghijklmnoX")]
    public async Task PostReadings_WrongKey_Returns401(string key)
    {
        var response = await server.ClientWithKey(key).PostAsync("/api/v1/readings", Bodies.HourlyJson("auth-1", 1));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateKey_BootstrapKeyFromEnvironment_ActsAsAdmin()
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsJsonAsync("/api/v1/keys", new { name = "gateway", role = "ingest" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        created.GetProperty("role").GetString().Should().Be("ingest");
        created.GetProperty("key").GetString().Should().StartWith("sw_");
        server.AnnouncedKeys.Should().BeEmpty("a bootstrap key was configured, so none is generated");
    }

    [Fact]
    public async Task PostReadings_NewIngestKey_IsAccepted()
    {
        var key = await CreateKeyAsync("ingest");

        var response = await server.ClientWithKey(key).PostAsync("/api/v1/readings", Bodies.HourlyJson("auth-2", 2));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateKey_IngestKey_Returns403()
    {
        var key = await CreateKeyAsync("ingest");

        var response = await server.ClientWithKey(key).PostAsJsonAsync("/api/v1/keys", new { name = "escalate", role = "admin" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateKey_OperatorKey_Returns403()
    {
        var key = await CreateKeyAsync("operator");

        var response = await server.ClientWithKey(key).PostAsJsonAsync("/api/v1/keys", new { name = "escalate", role = "admin" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateKey_EmptyName_Returns400()
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsJsonAsync("/api/v1/keys", new { name = "", role = "ingest" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetSensors_WithoutKey_IsPublicByDefault()
    {
        var response = await server.ClientWithKey(null).GetAsync("/api/v1/sensors");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logs_AfterRequestsWithKeys_NeverContainAKey()
    {
        var created = await CreateKeyAsync("ingest");
        await server.ClientWithKey(created).PostAsync("/api/v1/readings", Bodies.HourlyJson("auth-3", 2));
        await server.ClientWithKey(created).PostAsJsonAsync("/api/v1/keys", new { name = "x", role = "admin" });
        await server.ClientWithKey(ServerFixture.AdminKey + "x").GetAsync("/api/v1/sensors");

        server.Logs.Lines.Should().NotBeEmpty();
        server.Logs.Lines.Should().NotContain(line => line.Contains(ServerFixture.AdminKey) || line.Contains(created));
    }

    private async Task<string> CreateKeyAsync(string role)
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsJsonAsync("/api/v1/keys", new { name = $"test {role}", role });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("key").GetString()!;
    }
}
