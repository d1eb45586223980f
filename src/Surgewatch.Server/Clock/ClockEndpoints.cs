using Surgewatch.Core.Access;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Live;

namespace Surgewatch.Server.Clock;

/// <summary>A change of the demo or replay clock.</summary>
internal sealed record ClockRequest(double? Speed, bool? Paused);

/// <summary>What the dashboard needs to start: the mode, and in demo mode only, an operator key for the sandbox.</summary>
internal sealed record SessionDto(string Mode, string? OperatorKey);

/// <summary><c>GET/POST /api/v1/clock</c> and <c>GET /api/v1/session</c>.</summary>
internal static class ClockEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/clock", (ClockDtos clocks) => Results.Ok(clocks.Current())).WithName("GetClock")
            .WithSummary("The server clock: mode (live, demo, replay), now (site-local label), speed and paused.").Produces<ClockDto>();
        api.MapPost("/clock", async (ClockRequest request, ServerClock clock, ClockDtos clocks, LiveNotifier live, CancellationToken ct) =>
            {
                try
                {
                    clock.Set(request.Speed, request.Paused);
                }
                catch (InvalidOperationException e)
                {
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The clock is live", detail: e.Message);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["speed"] = [e.Message] }, title: "Bad clock setting");
                }

                var current = clocks.Current();
                await live.SendAsync(LiveMessages.Clock, current, ct);
                return Results.Ok(current);
            })
            .WithName("PostClock").WithSummary("Changes the speed and/or pauses the clock (demo and replay mode only).")
            .Produces<ClockDto>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireKey(ApiKeyRole.Operator);
        api.MapGet("/session", (ServerClock clock, DemoSession demo) =>
                Results.Ok(new SessionDto(Hosting.ApiEnums.Name(clock.Mode), clock.Mode == ClockMode.Demo ? demo.OperatorKey : null)))
            .WithName("GetSession")
            .WithSummary("The mode; in demo mode only, an operator key for the sandbox (otherwise the dashboard asks for a key).")
            .Produces<SessionDto>();
    }
}

/// <summary>The demo's operator key, made at start in demo mode only; never logged.</summary>
internal sealed class DemoSession
{
    public string? OperatorKey { get; set; }
}
