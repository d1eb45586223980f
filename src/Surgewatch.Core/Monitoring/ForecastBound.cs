namespace Surgewatch.Core.Monitoring;

/// <summary>One point of a zone's forecast: the upper bound of its 90% interval, in persons/m².</summary>
/// <param name="At">The moment forecast.</param>
/// <param name="Upper90">The upper bound of the 90% prediction interval of density there.</param>
public readonly record struct ForecastBound(DateTimeOffset At, double Upper90);
