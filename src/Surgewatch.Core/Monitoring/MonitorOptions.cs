namespace Surgewatch.Core.Monitoring;

/// <summary>Settings of <see cref="ZoneMonitor"/> and of the default rules it builds per zone.</summary>
/// <param name="Step">The slot length of the density history the local trend is fitted to (default 1 minute); <see cref="ZoneMonitor.Step"/> may be called at any rate, the last value in each slot counts.</param>
/// <param name="TrendWindow">How much density history the local-trend forecast is fitted to (default 60 minutes).</param>
/// <param name="ResolveFraction">A firing rule resolves below this fraction of its level (default 0.85: hysteresis).</param>
/// <param name="ForecastHorizons">The horizons of the forecast alarm rules (default 30 and 60 minutes); the longest also sets the zone's forecast level.</param>
public sealed record MonitorOptions(TimeSpan Step, TimeSpan TrendWindow, double ResolveFraction, IReadOnlyList<TimeSpan> ForecastHorizons)
{
    /// <summary>The defaults: one-minute steps, 60-minute trend window, resolve at 85% of a level, forecast rules at 30 and 60 minutes.</summary>
    public static MonitorOptions Default { get; } = new(
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(60), 0.85, [TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)]);

    /// <summary>
    /// How long a zone rule's condition must hold before its alert fires (the rules' pending-for, Prometheus' <c>for</c>;
    /// default 5 minutes, so one noisy reading does not page anyone); zero fires at the first step that meets it.
    /// </summary>
    public TimeSpan PendingFor { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest forecast horizon.</summary>
    public TimeSpan LookAhead => ForecastHorizons.Count == 0 ? TimeSpan.Zero : ForecastHorizons.Max();

    /// <summary>Checks the settings and returns this.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public MonitorOptions Validated()
    {
        if (Step <= TimeSpan.Zero || TrendWindow < Step)
        {
            throw new ArgumentException($"Monitor Step must be positive and TrendWindow at least one step (Step {Step}, TrendWindow {TrendWindow}).", nameof(Step));
        }

        if (PendingFor < TimeSpan.Zero || PendingFor > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"Monitor PendingFor must lie between 0 and 1 hour, but is {PendingFor}.", nameof(PendingFor));
        }

        if (!(ResolveFraction is > 0 and <= 1))
        {
            throw new ArgumentException($"Monitor ResolveFraction must lie in (0, 1], but is {ResolveFraction}.", nameof(ResolveFraction));
        }

        foreach (var horizon in ForecastHorizons)
        {
            if (horizon <= TimeSpan.Zero)
            {
                throw new ArgumentException($"Monitor forecast horizon {horizon} must be positive.", nameof(ForecastHorizons));
            }
        }

        return this;
    }
}
