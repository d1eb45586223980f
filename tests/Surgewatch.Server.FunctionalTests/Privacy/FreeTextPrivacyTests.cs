using System.Net;
using System.Net.Http.Json;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Privacy;

/// <summary>Free text that reaches the store (alert notes, key names) is refused with 422 when it holds a personal identifier.</summary>
public sealed class FreeTextPrivacyTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("ack")]
    [InlineData("resolve")]
    public async Task PostAlertAction_NoteWithAnEmail_Returns422NamingNote(string action)
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsync(
            $"/api/v1/alerts/{Uri.EscapeDataString("density-warning/any-zone")}/{action}", Bodies.Json("""{"note":"handed to jo.citizen@example.org"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ReadJsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("note");
    }

    [Fact]
    public async Task PostAlertAction_OrdinaryNote_IsNotRefusedForPrivacy()
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsync(
            $"/api/v1/alerts/{Uri.EscapeDataString("density-warning/any-zone")}/ack", Bodies.Json("""{"note":"stewards sent to gate 3 at 13:05, 2,143 people"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostKey_NameWithAPhoneNumber_Returns422AndMakesNoKey()
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsJsonAsync("/api/v1/keys", new { name = "gateway of +61 412 345 678", role = "ingest" });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ReadJsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("name");
    }
}
