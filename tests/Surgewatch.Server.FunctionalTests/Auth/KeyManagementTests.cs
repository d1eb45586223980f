using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Auth;

public sealed class KeyManagementTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _admin = server.ClientWithKey(ServerFixture.AdminKey);

    [Fact]
    public async Task GetKeys_Admin_ListsEveryKeyWithLastUseAndNeverTheSecret()
    {
        var secret = await CreateAsync("lister", "ingest");
        (await server.ClientWithKey(secret).PostAsync("/api/v1/readings", Bodies.HourlyJson("keys-1", 1))).EnsureSuccessStatusCode();

        var response = await _admin.GetAsync("/api/v1/keys");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(secret).And.NotContain("secret", "neither the key nor its hash is listed");
        var keys = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        var lister = keys.Single(k => k.GetProperty("name").GetString() == "lister");
        lister.GetProperty("role").GetString().Should().Be("ingest");
        lister.GetProperty("active").GetBoolean().Should().BeTrue();
        lister.GetProperty("lastUsedAt").ValueKind.Should().Be(JsonValueKind.String);
        lister.TryGetProperty("key", out _).Should().BeFalse();
        keys.Should().Contain(k => k.GetProperty("name").GetString()!.StartsWith("bootstrap admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteKey_ActiveKey_IsRefusedAtOnceAndAudited()
    {
        var secret = await CreateAsync("to-revoke", "operator");
        var id = await IdOfAsync("to-revoke");
        (await server.ClientWithKey(secret).PostAsync("/api/v1/readings", Bodies.HourlyJson("keys-2", 1))).StatusCode.Should().Be(HttpStatusCode.OK);

        var revoked = await _admin.DeleteAsync($"/api/v1/keys/{id}");

        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await server.ClientWithKey(secret).PostAsync("/api/v1/readings", Bodies.HourlyJson("keys-2", 1))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var listed = (await (await _admin.GetAsync("/api/v1/keys")).ReadJsonAsync()).EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        listed.GetProperty("active").GetBoolean().Should().BeFalse();
        listed.GetProperty("revokedAt").ValueKind.Should().Be(JsonValueKind.String);
        var audit = await (await _admin.GetAsync("/api/v1/audit")).Content.ReadAsStringAsync();
        audit.Should().Contain("key.revoke").And.Contain(id);
        (await _admin.DeleteAsync($"/api/v1/keys/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "it is no longer active");
    }

    [Fact]
    public async Task DeleteKey_LastActiveAdmin_Returns409AndKeepsIt()
    {
        var keys = (await (await _admin.GetAsync("/api/v1/keys")).ReadJsonAsync()).EnumerateArray();
        var bootstrap = keys.Single(k => k.GetProperty("name").GetString()!.StartsWith("bootstrap admin", StringComparison.Ordinal)).GetProperty("id").GetString();

        var response = await _admin.DeleteAsync($"/api/v1/keys/{bootstrap}");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await _admin.GetAsync("/api/v1/keys")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("GET", "/api/v1/keys")]
    [InlineData("DELETE", "/api/v1/keys/0123456789abcdef")]
    public async Task Keys_NonAdmin_IsRefused(string method, string path)
    {
        var operatorKey = await CreateAsync("not-admin-" + method, "operator");

        var anonymous = await server.ClientWithKey(null).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var operatorReply = await server.ClientWithKey(operatorKey).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        operatorReply.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/api/v1/readings", "application/json")]
    [InlineData("/api/v1/keys", "application/json")]
    [InlineData("/api/v1/zones", "application/geo+json")]
    [InlineData("/api/v1/silences", "application/json")]
    public async Task Post_AnonymousWithABadOrHugeBody_Returns401BeforeReadingIt(string path, string mediaType)
    {
        var huge = new ByteArrayContent(new byte[17 * 1024 * 1024]);
        huge.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        var malformed = new StringContent("{not json", System.Text.Encoding.UTF8, mediaType);

        (await server.ClientWithKey(null).PostAsync(path, huge)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await server.ClientWithKey(null).PostAsync(path, malformed)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<string> CreateAsync(string name, string role)
    {
        var created = await (await _admin.PostAsJsonAsync("/api/v1/keys", new { name, role })).ReadJsonAsync();
        return created.GetProperty("key").GetString()!;
    }

    private async Task<string> IdOfAsync(string name) =>
        (await (await _admin.GetAsync("/api/v1/keys")).ReadJsonAsync()).EnumerateArray()
            .Single(k => k.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
}
