using System.Globalization;
using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Silences;

public sealed partial class SilencesEndpointsTests
{
    [Fact]
    public async Task PostSilence_TimesWithoutOffset_AreSiteLocal()
    {
        var response = await Admin.PostAsync("/api/v1/silences", Window("\"2024-03-01T09:00:00\"", "\"2024-03-01T12:00:00\""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var silence = await response.ReadJsonAsync();
        Instant(silence.GetProperty("startsAt").GetString()!).Should().Be(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(11)));
        Instant(silence.GetProperty("endsAt").GetString()!).Should().Be(new DateTimeOffset(2024, 3, 1, 1, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task PostSilence_TimesWithOffset_AreKept()
    {
        var response = await Admin.PostAsync("/api/v1/silences", Window("\"2024-03-01T09:00:00Z\"", "\"2024-03-01T12:00:00+01:00\""));

        var silence = await response.ReadJsonAsync();
        Instant(silence.GetProperty("startsAt").GetString()!).Should().Be(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Instant(silence.GetProperty("endsAt").GetString()!).Should().Be(new DateTimeOffset(2024, 3, 1, 11, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"tomorrow\"")]
    public async Task PostSilence_NoUsableStart_Returns400NamingStartsAt(string startsAt)
    {
        var response = await Admin.PostAsync("/api/v1/silences", Window(startsAt, "\"2024-03-01T12:00:00\""));

        await response.ShouldBeBadRequestNamingAsync("startsAt");
    }

    [Fact]
    public async Task PostSilence_StartLeftOut_Returns400NamingStartsAt()
    {
        var response = await Admin.PostAsync("/api/v1/silences", Bodies.Json("""{"zoneId":"silence-zone","endsAt":"2024-03-01T12:00:00","comment":"x"}"""));

        await response.ShouldBeBadRequestNamingAsync("startsAt");
    }

    [Fact]
    public async Task PostSilence_EndBeforeStart_Returns400NamingEndsAt()
    {
        var response = await Admin.PostAsync("/api/v1/silences", Window("\"2024-03-01T12:00:00\"", "\"2024-03-01T09:00:00\""));

        await response.ShouldBeBadRequestNamingAsync("endsAt");
    }

    [Fact]
    public async Task PostSilence_AfterTheNewestWasDeleted_GetsANewId()
    {
        var first = await CreateAsync(Admin);
        (await Admin.DeleteAsync($"/api/v1/silences/{first}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var second = await CreateAsync(Admin);

        second.Should().BeGreaterThan(first, "a deleted silence's id names it in the audit log and must not come back");
    }

    [Fact]
    public async Task PostSilence_AfterARestart_NeverReusesADeletedId()
    {
        var time = new ManualTime(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
        string database;
        long deleted;
        using (var first = new ClockedServer(time) { KeepFiles = true })
        {
            database = first.DatabasePath;
            var admin = first.ClientWithKey(ServerFixture.AdminKey);
            (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("silence-zone")))).EnsureSuccessStatusCode();
            await CreateAsync(admin);
            deleted = await CreateAsync(admin);
            (await admin.DeleteAsync($"/api/v1/silences/{deleted}")).EnsureSuccessStatusCode();
        }

        using var second = new ClockedServer(time, database);
        var next = await CreateAsync(second.ClientWithKey(ServerFixture.AdminKey));

        next.Should().BeGreaterThan(deleted);
    }

    private static DateTimeOffset Instant(string text)
    {
        text.Should().MatchRegex(@"(Z|[+-]\d\d:\d\d)$", "every time in a reply carries its offset");
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }

    private static async Task<long> CreateAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/v1/silences", Window("\"2024-03-01T09:00:00\"", "\"2024-03-01T12:00:00\""));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return long.Parse((await response.ReadJsonAsync()).GetProperty("id").GetString()!, CultureInfo.InvariantCulture);
    }

    private static StringContent Window(string startsAt, string endsAt, string zone = "silence-zone") =>
        Bodies.Json($$"""{"zoneId":"{{zone}}","ruleId":null,"startsAt":{{startsAt}},"endsAt":{{endsAt}},"comment":"planned event"}""");
}
