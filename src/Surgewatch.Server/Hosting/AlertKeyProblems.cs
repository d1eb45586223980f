namespace Surgewatch.Server.Hosting;

/// <summary>
/// An alert's key is <c>rule/subject</c>: it holds a '/', which must be percent-encoded (<c>%2F</c>) in
/// <c>/api/v1/alerts/{key}/ack</c> and <c>/resolve</c>. Sent unencoded, the path has more segments than any alert
/// route and would get a bare 404; this catch-all (the lowest-priority route under /alerts) answers it with a problem
/// that names the key and shows the encoded path.
/// </summary>
internal static class AlertKeyProblems
{
    private static readonly string[] Actions = ["ack", "resolve"];

    public static void Map(RouteGroupBuilder api) =>
        api.Map("/alerts/{**rest}", (string? rest) => Problem(rest)).ExcludeFromDescription();

    /// <summary>The 404 problem for the unmatched path <c>/alerts/<paramref name="rest"/></c>.</summary>
    public static IResult Problem(string? rest)
    {
        var segments = (rest ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var action = segments.Length > 0 && Actions.Contains(segments[^1], StringComparer.Ordinal) ? segments[^1] : null;
        if (action is not null && segments.Length > 2)
        {
            var key = string.Join('/', segments[..^1]);
            var encoded = Uri.EscapeDataString(key);
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Percent-encode the alert key",
                detail: $"The alert key '{key}' holds '/', which splits it into path segments. Percent-encode the key: POST {SurgewatchServer.ApiPrefix}/alerts/{encoded}/{action}.",
                extensions: new Dictionary<string, object?> { ["key"] = key, ["encodedPath"] = $"{SurgewatchServer.ApiPrefix}/alerts/{encoded}/{action}" });
        }

        return Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No such alert route",
            detail: $"No route {SurgewatchServer.ApiPrefix}/alerts/{rest}. Alerts are listed at GET {SurgewatchServer.ApiPrefix}/alerts; act on one with POST "
                + $"{SurgewatchServer.ApiPrefix}/alerts/{{key}}/ack or /resolve, the key percent-encoded ('/' as %2F).");
    }
}
