using Spectre.Console;
using Surgewatch.Core.Forecasting.Retraining;

namespace Surgewatch.Cli.Train;

/// <summary>Trains whenever <see cref="RetrainSchedule"/> says a training is due, waiting on the context's clock in between, until cancelled.</summary>
internal static class RetrainLoop
{
    public static async Task RunAsync(CliContext context, RetrainPolicy policy, Func<CancellationToken, Task<long>> train, CancellationToken cancellation)
    {
        DateTimeOffset? last = null;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var now = context.Time.GetUtcNow();
                if (RetrainSchedule.IsDue(policy, last, now))
                {
                    await train(cancellation);
                    last = now;
                }

                var next = RetrainSchedule.NextDue(policy, last, context.Time.GetUtcNow());
                context.Console.MarkupLineInterpolated($"Next training due at {next:yyyy-MM-dd HH:mm} UTC.");
                var wait = next - context.Time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, context.Time, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            context.Console.MarkupLine("Retraining stopped.");
        }
    }
}
