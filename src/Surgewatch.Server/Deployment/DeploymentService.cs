using Surgewatch.Server.Live;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Deployment;

/// <summary>
/// Drives the counters' <see cref="LiveDeployment"/> and the roads' <see cref="RoadDeployment"/>: deploys the latest
/// saved model of each when a new one appears (checked every few seconds), and issues each slot as it begins, on the
/// server clock (so the demo's and the replay's accelerated time drive it too). It feeds and schedules; the
/// forecasting and the warning are Core's and the model's.
/// </summary>
internal sealed class DeploymentService(
    LiveDeployment deployment, RoadDeployment roads, MonitorSignal signal, LiveNotifier notifier, Metrics.LiveMetrics metrics, ILogger<DeploymentService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ModelCheck = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastCheck = long.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lastCheck == long.MinValue || TimeProvider.System.GetElapsedTime(lastCheck) >= ModelCheck)
                {
                    lastCheck = TimeProvider.System.GetTimestamp();
                    await deployment.DeployLatestAsync(stoppingToken);
                    await roads.DeployLatestAsync(stoppingToken);
                }

                if (await deployment.IssueDueAsync(stoppingToken) > 0)
                {
                    metrics.ForecastsIssued(deployment.Model?.Name ?? "unknown");
                    signal.Nudge();
                    await notifier.SendAsync(LiveMessages.Counters, deployment.Counters, stoppingToken);
                }

                if (await roads.IssueDueAsync(stoppingToken) > 0)
                {
                    metrics.ForecastsIssued(roads.Model?.Name ?? "unknown");
                    signal.Nudge();
                    await notifier.SendAsync(LiveMessages.Roads, roads.Roads, stoppingToken);
                }

                await Task.Delay(Tick, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The deployed model could not forecast; trying again shortly");
                await Task.Delay(ModelCheck, stoppingToken);
            }
        }
    }
}
