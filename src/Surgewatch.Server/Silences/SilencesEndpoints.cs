using Microsoft.Extensions.Options;
using Surgewatch.Core.Access;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Audit;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Hosting;
using Surgewatch.Server.Privacy;

namespace Surgewatch.Server.Silences;

/// <summary><c>GET/POST /api/v1/silences</c>, <c>DELETE /silences/{id}</c>: mute alerts of a zone and/or rule for a while (operator). Stored; audited.</summary>
internal static class SilencesEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/silences", async (SilenceBook book, CancellationToken ct) => Results.Ok(await book.ListAsync(ct))).WithName("GetSilences")
            .WithSummary("The silences, by start.").Produces<SilenceDto[]>().OpenRead();
        api.MapPost("/silences", CreateAsync).WithName("PostSilence")
            .WithSummary("Mutes alerts of zoneId (a stored zone, or a counter for its surge alert) and/or ruleId (null matches any) from startsAt (required) until endsAt (after it), at most MaxSilenceDays (default 7) later; both ISO-8601, site-local when they carry no offset; with neither zoneId nor ruleId it needs \"confirmAllZones\": true. A comment holding a personal identifier is refused (422).")
            .Produces<SilenceDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireKey(ApiKeyRole.Operator);
        api.MapGet("/silences/recurring", async (SilenceBook book, CancellationToken ct) => Results.Ok(await book.ListRecurringAsync(ct)))
            .WithName("GetRecurringSilences").WithSummary("The silences that recur daily between two wall-clock times.")
            .Produces<RecurringSilenceDto[]>().OpenRead();
        api.MapPost("/silences/recurring", CreateRecurringAsync).WithName("PostRecurringSilence")
            .WithSummary("Mutes alerts of zoneId (a stored zone, or a counter for its surge alert) and/or ruleId every day from start until end (HH:mm) on the wall clock of timeZone (IANA; default the site's), following daylight saving; an end at or before the start runs overnight. With neither zoneId nor ruleId it needs \"confirmAllZones\": true; a comment holding a personal identifier is refused (422).")
            .Produces<RecurringSilenceDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireKey(ApiKeyRole.Operator);
        api.MapDelete("/silences/{id}", DeleteAsync)
            .WithName("DeleteSilence").WithSummary("Ends a silence.").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(ApiKeyRole.Operator);
    }

    private static async Task<IResult> CreateAsync(
        SilenceRequest request, HttpContext context, SilenceBook book, AuditTrail audit, IZoneStore zones, Core.Series.IObservationStore sensors, Clock.ClockDtos clocks, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        if (FreeTextPrivacy.Refusal("comment", request.Comment) is { } refused)
        {
            return refused;
        }

        var problems = new Dictionary<string, string[]>();
        var startsAt = SilenceRules.ParseInstant(request.StartsAt, "startsAt", clocks.SiteZone, problems);
        var endsAt = SilenceRules.ParseInstant(request.EndsAt, "endsAt", clocks.SiteZone, problems);
        if (startsAt is { } start && endsAt is { } end)
        {
            SilenceRules.CheckDuration(start, end, options.Value.MaxSilenceDays, problems);
        }

        await SilenceRules.CheckScopeAsync(request.ZoneId, request.RuleId, request.ConfirmAllZones, zones, sensors, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems, title: "Bad silence");
        }

        var actor = await audit.ActorAsync(context);
        var silence = await book.AddAsync(new Core.Alerting.AlertMatcher(request.RuleId, request.ZoneId), startsAt!.Value, endsAt!.Value, request.Comment, actor, cancellationToken);
        await audit.RecordAsync(actor, "silence.create", silence.Id,
            $"zone={silence.ZoneId ?? "*"} rule={silence.RuleId ?? "*"} {silence.StartsAt:O}..{silence.EndsAt:O} {silence.Comment}", cancellationToken);
        return Results.Created($"/api/v1/silences/{silence.Id}", silence);
    }

    private static async Task<IResult> CreateRecurringAsync(
        RecurringSilenceRequest request, HttpContext context, SilenceBook book, AuditTrail audit, Clock.ClockDtos clocks, IZoneStore zones, Core.Series.IObservationStore sensors, CancellationToken cancellationToken)
    {
        if (FreeTextPrivacy.Refusal("comment", request.Comment) is { } refused)
        {
            return refused;
        }

        var problems = new Dictionary<string, string[]>();
        var start = ParseTime(request.Start, "start", problems);
        var end = ParseTime(request.End, "end", problems);
        TimeZoneInfo zone = clocks.SiteZone;
        if (!string.IsNullOrWhiteSpace(request.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out zone!))
        {
            problems["timeZone"] = [$"'{request.TimeZone}' is not a known IANA time zone, such as Australia/Melbourne"];
        }

        if (start == end && problems.Count == 0)
        {
            problems["end"] = ["end must differ from start"];
        }

        await SilenceRules.CheckScopeAsync(request.ZoneId, request.RuleId, request.ConfirmAllZones, zones, sensors, problems, cancellationToken);

        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems, title: "Bad recurring silence");
        }

        var actor = await audit.ActorAsync(context);
        var silence = await book.AddRecurringAsync(new Core.Alerting.AlertMatcher(request.RuleId, request.ZoneId), zone, start, end, request.Comment, actor, cancellationToken);
        await audit.RecordAsync(actor, "silence.create", silence.Id,
            $"zone={silence.ZoneId ?? "*"} rule={silence.RuleId ?? "*"} daily {silence.Start}-{silence.End} {silence.TimeZone} {silence.Comment}", cancellationToken);
        return Results.Created($"/api/v1/silences/{silence.Id}", silence);
    }

    private static TimeOnly ParseTime(string? text, string field, Dictionary<string, string[]> problems)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
        {
            return time;
        }

        problems[field] = [$"'{text}' is not a wall-clock time HH:mm, such as 02:30"];
        return default;
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, SilenceBook book, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!await book.RemoveAsync(id, cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such silence", detail: $"No silence '{id}'.");
        }

        await audit.RecordAsync(context, "silence.delete", id);
        return Results.NoContent();
    }
}
