namespace Surgewatch.Core.Tests.Evaluation;

/// <summary>A clock whose timestamp moves <c>step</c> forward on every read, so measured durations are exact.</summary>
internal sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks) - step.Ticks;
}
