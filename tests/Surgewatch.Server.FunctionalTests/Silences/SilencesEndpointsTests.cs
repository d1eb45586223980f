using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.FunctionalTests.Readings;

namespace Surgewatch.Server.FunctionalTests.Silences;

/// <summary>
/// What a silence may cover: a stored zone, at most MaxSilenceDays, every zone and rule only when confirmed, and no
/// personal data in its comment; its times (site-local in Melbourne without an offset) and ids (.Times).
/// </summary>
public sealed partial class SilencesEndpointsTests(MelbourneServerFixture server) : IClassFixture<MelbourneServerFixture>, IAsyncLifetime
{
    private HttpClient Admin => server.ClientWithKey(ServerFixture.AdminKey);

    public async Task InitializeAsync() =>
        (await Admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("silence-zone")))).EnsureSuccessStatusCode();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PostSilence_StoredZoneWithinTheMaximum_Returns201()
    {
        var response = await Admin.PostAsync("/api/v1/silences", Silence("\"silence-zone\"", days: 7));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task PostSilence_UnknownZone_Returns400NamingZoneId()
    {
        var response = await Admin.PostAsync("/api/v1/silences", Silence("\"no-such-zone\""));

        await response.ShouldBeBadRequestNamingAsync("zoneId");
    }

    [Fact]
    public async Task PostSilence_LongerThanMaxSilenceDays_Returns400NamingEndsAt()
    {
        var response = await Admin.PostAsync("/api/v1/silences", Silence("\"silence-zone\"", days: 7, extraHours: 1));

        await response.ShouldBeBadRequestNamingAsync("endsAt");
    }

    [Fact]
    public async Task PostSilence_UntilTheYear9999_Returns400()
    {
        var response = await Admin.PostAsync("/api/v1/silences",
            Bodies.Json("""{"zoneId":null,"ruleId":null,"startsAt":"2024-03-01T09:00:00Z","endsAt":"9999-12-31T00:00:00Z","comment":"forever"}"""));

        await response.ShouldBeBadRequestNamingAsync("endsAt");
    }

    [Fact]
    public async Task PostSilence_EveryZoneAndRuleWithoutConfirmation_Returns400NamingConfirmAllZones()
    {
        var response = await Admin.PostAsync("/api/v1/silences", Silence("null"));

        await response.ShouldBeBadRequestNamingAsync("confirmAllZones");
    }

    [Fact]
    public async Task PostSilence_EveryZoneAndRuleConfirmed_Returns201()
    {
        var response = await Admin.PostAsync("/api/v1/silences", Silence("null", confirm: true));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.ReadJsonAsync()).GetProperty("zoneId").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task PostSilence_CommentWithAPhoneNumber_Returns422AndStoresNothing()
    {
        var before = await CountAsync();

        var response = await Admin.PostAsync("/api/v1/silences", Silence("\"silence-zone\"", comment: "ask Jo on 0412 345 678"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ReadJsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("comment");
        (await CountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task PostRecurringSilence_UnknownZone_Returns400NamingZoneId()
    {
        var response = await Admin.PostAsync("/api/v1/silences/recurring",
            Bodies.Json("""{"zoneId":"no-such-zone","start":"02:00","end":"04:00","comment":"cleaning"}"""));

        await response.ShouldBeBadRequestNamingAsync("zoneId");
    }

    [Fact]
    public async Task PostRecurringSilence_EveryZoneAndRuleWithoutConfirmation_Returns400NamingConfirmAllZones()
    {
        var response = await Admin.PostAsync("/api/v1/silences/recurring", Bodies.Json("""{"start":"02:00","end":"04:00","comment":"cleaning"}"""));

        await response.ShouldBeBadRequestNamingAsync("confirmAllZones");
    }

    [Fact]
    public async Task PostRecurringSilence_CommentWithAnEmail_Returns422()
    {
        var response = await Admin.PostAsync("/api/v1/silences/recurring",
            Bodies.Json("""{"zoneId":"silence-zone","start":"02:00","end":"04:00","comment":"tell jo@venue.example"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    private static StringContent Silence(string zoneJson, int days = 1, int extraHours = 0, bool confirm = false, string comment = "planned event")
    {
        var start = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var end = start.AddDays(days).AddHours(extraHours);
        return Bodies.Json($$"""{"zoneId":{{zoneJson}},"ruleId":null,"startsAt":"{{start:O}}","endsAt":"{{end:O}}","comment":"{{comment}}","confirmAllZones":{{(confirm ? "true" : "false")}}}""");
    }

    private async Task<int> CountAsync() => (await (await server.CreateClient().GetAsync("/api/v1/silences")).ReadJsonAsync()).GetArrayLength();
}
