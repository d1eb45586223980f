using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Alerting;

/// <summary>
/// When an alert fires and when it resolves. The condition holds while the input value is at or above
/// <see cref="Threshold"/>; a firing alert counts as clear only once the value is below <see cref="ResolveBelow"/>
/// (hysteresis), and resolves only after it stayed clear for <see cref="KeepFiringFor"/>.
/// </summary>
/// <param name="Id">Stable rule identifier; with the subject it keys the alert (one alert per rule and subject).</param>
/// <param name="Severity">How serious the crossed level is.</param>
/// <param name="Source">Observed value, or the forecast's upper bound within <see cref="Horizon"/>.</param>
/// <param name="Threshold">The condition holds at or above this value.</param>
/// <param name="ResolveBelow">A firing alert clears only below this value; at most <see cref="Threshold"/>.</param>
/// <param name="PendingFor">How long the condition must hold before the alert fires; zero fires at once.</param>
/// <param name="KeepFiringFor">How long the value must stay clear before a firing alert resolves (the Recovering state); zero resolves at once.</param>
/// <param name="NoDataAfter">How long without any sample before the alert goes to NoData; must be positive.</param>
/// <param name="Horizon">For <see cref="AlertSource.ForecastUpper"/>: how far ahead to look (such as 30 or 60 minutes); zero for observed rules.</param>
public sealed record AlertRule(
    string Id,
    Severity Severity,
    AlertSource Source,
    double Threshold,
    double ResolveBelow,
    TimeSpan PendingFor,
    TimeSpan KeepFiringFor,
    TimeSpan NoDataAfter,
    TimeSpan Horizon)
{
    /// <summary>A rule on the observed value at a zone level, resolving below <paramref name="resolveBelow"/>.</summary>
    public static AlertRule OnObserved(string id, Severity severity, double threshold, double resolveBelow) =>
        new(id, severity, AlertSource.Observed, threshold, resolveBelow,
            TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10), TimeSpan.Zero);

    /// <summary>A rule that fires when the 90% upper forecast reaches <paramref name="threshold"/> within <paramref name="horizon"/>.</summary>
    public static AlertRule OnForecast(string id, Severity severity, double threshold, double resolveBelow, TimeSpan horizon) =>
        new(id, severity, AlertSource.ForecastUpper, threshold, resolveBelow,
            TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10), horizon);

    /// <summary>Checks the settings and returns this rule.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and the allowed range.</exception>
    public AlertRule Validated()
    {
        Require(!string.IsNullOrWhiteSpace(Id), "Id", "must not be empty");
        Require(double.IsFinite(Threshold) && double.IsFinite(ResolveBelow), "Threshold/ResolveBelow", "must be finite numbers");
        Require(ResolveBelow <= Threshold, "ResolveBelow", $"must be at most Threshold ({Threshold}), but is {ResolveBelow}");
        Require(PendingFor >= TimeSpan.Zero && KeepFiringFor >= TimeSpan.Zero, "PendingFor/KeepFiringFor", "must not be negative");
        Require(NoDataAfter > TimeSpan.Zero, "NoDataAfter", "must be positive");
        Require(Source != AlertSource.ForecastUpper || Horizon > TimeSpan.Zero, "Horizon", "must be positive for a forecast rule");
        return this;
    }

    private void Require(bool ok, string setting, string what)
    {
        if (!ok)
        {
            throw new ArgumentException($"Alert rule '{Id}': {setting} {what}.", setting);
        }
    }
}
