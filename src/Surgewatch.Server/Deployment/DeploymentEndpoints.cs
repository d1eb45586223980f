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
    ValidationFigures? Validation);

/// <summary><c>GET /api/v1/models</c> (the saved models, the deployed one first) and <c>GET /api/v1/counters</c> (each counter's surge outlook).</summary>
internal static class DeploymentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/models", ListAsync).WithName("GetModels")
            .WithSummary("The saved models, newest first; the newest is the deployed one that forecasts every counter and carries the surge rule. Each with its version, training window, time of training and figures on the weeks held out before its end.")
            .Produces<ModelDto[]>().OpenRead();
        api.MapGet("/counters", (LiveDeployment deployment) => Results.Ok(deployment.Counters)).WithName("GetCounters")
            .WithSummary("Each counter's surge outlook after the last slot: its threshold, the highest probability of reaching it over the live horizon, whether the rule warns now, from which slot, and the model.")
            .Produces<CounterStatusDto[]>().OpenRead();
    }

    private static async Task<IResult> ListAsync(IModelStore models, LiveDeployment deployment, Clock.ClockDtos clocks, CancellationToken cancellationToken)
    {
        var deployed = deployment.Model?.Id;
        var list = await models.ListModelsAsync(cancellationToken);
        return Results.Ok(list.Select(m => new ModelDto(
            m.Id, m.Name, m.Version, m.Created, clocks.Format(m.TrainFrom), clocks.Format(m.TrainTo), (int)m.Step.TotalSeconds, m.Sensors.Count,
            m.Id == deployed, WithOffsets(ValidationFigures.FromJson(m.Validation), clocks))).ToArray());
    }

    /// <summary>The figures with their held-out window written with offsets (they are stored as site-local labels).</summary>
    private static ValidationFigures? WithOffsets(ValidationFigures? figures, Clock.ClockDtos clocks) =>
        figures is null ? null : figures with { From = WithOffset(figures.From, clocks), To = WithOffset(figures.To, clocks) };

    private static string WithOffset(string label, Clock.ClockDtos clocks) =>
        Core.Calendar.TimeLabelParser.TryParse(label.AsSpan(), clocks.SiteZone, out var parsed, out _) ? clocks.Format(parsed) : label;
}
