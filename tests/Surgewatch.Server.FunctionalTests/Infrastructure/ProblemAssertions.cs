using System.Net;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>Checks on validation problems (400 with <c>errors</c> by field).</summary>
public static class ProblemAssertions
{
    /// <summary>Asserts a 400 whose problem names <paramref name="field"/> among its errors.</summary>
    public static async Task ShouldBeBadRequestNamingAsync(this HttpResponseMessage response, string field)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(because: $"the problem should name {field}");
    }
}
