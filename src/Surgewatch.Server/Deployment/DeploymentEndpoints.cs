using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Auth;

namespace Surgewatch.Server.Deployment;

/// <summary>A saved model as <c>GET /api/v1/models</c> lists it.</summary>
internal sealed record ModelDto(
    long Id,
    string Name,
    string Version,
    DateTimeOffset TrainedAt,
    string TrainFrom,
    string TrainTo,
    int StepSeconds,
    int Sensors,
    bool Deployed,
    ValidationFigures? Validation,
    string Subjects);

/// <summary>
/// <c>GET /api/v1/models</c> (the saved models, newest first, with which are deployed), <c>GET /api/v1/counters</c>
/// (each counter's surge outlook) and <c>GET /api/v1/roads</c> (each road's congestion outlook).
/// </summary>
internal static class DeploymentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/models", ListAsync).WithName("GetModels")
            .WithSummary("The saved models, newest first, each for counters or for roads; the newest of each is deployed: it forecasts every counter (with the surge rule) or every road (with the congestion rule). Each with its version, training window, time of training and figures on the time held out before its end.")
            .Produces<ModelDto[]>().OpenRead();
        api.MapGet("/counters", (LiveDeployment deployment) => Results.Ok(deployment.Counters)).WithName("GetCounters")
            .WithSummary("Each counter's surge outlook after the last slot: its threshold, the highest probability of reaching it over the live horizon, whether the rule warns now, from which slot, and the model.")
            .Produces<CounterStatusDto[]>().OpenRead();
        api.MapGet("/roads", (RoadDeployment roads) => Results.Ok(roads.Roads)).WithName("GetRoads")
            .WithSummary("Each road speed sensor's congestion outlook after the last slot: its free-flow and congested speeds, its level now and the level of the lowest speed forecast within the window (free, slowing, congested, jammed, no-data), the probability of congestion within the window (null while congested now), whether the congestion rule warns, and the model.")
            .Produces<RoadStatusDto[]>().OpenRead();
    }

    private static async Task<IResult> ListAsync(IModelStore models, LiveDeployment deployment, RoadDeployment roads, Clock.ClockDtos clocks, CancellationToken cancellationToken)
    {
        var deployed = new[] { deployment.Model?.Id, roads.Model?.Id };
        var list = await models.ListModelsAsync(cancellationToken);
        return Results.Ok(list.Select(m => new ModelDto(
            m.Id, m.Name, m.Version, m.Created, clocks.Format(m.TrainFrom), clocks.Format(m.TrainTo), (int)m.Step.TotalSeconds, m.Sensors.Count,
            deployed.Contains(m.Id), WithOffsets(ValidationFigures.FromJson(m.Validation), clocks), ModelSubjectsText.Of(m.Subjects))).ToArray());
    }

    /// <summary>The figures with their held-out window written with offsets (they are stored as site-local labels).</summary>
    private static ValidationFigures? WithOffsets(ValidationFigures? figures, Clock.ClockDtos clocks) =>
        figures is null ? null : figures with { From = WithOffset(figures.From, clocks), To = WithOffset(figures.To, clocks) };

    private static string WithOffset(string label, Clock.ClockDtos clocks) =>
        Core.Calendar.TimeLabelParser.TryParse(label.AsSpan(), clocks.SiteZone, out var parsed, out _) ? clocks.Format(parsed) : label;
}
