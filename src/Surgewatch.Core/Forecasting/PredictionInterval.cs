namespace Surgewatch.Core.Forecasting;

/// <summary>A central prediction interval: the true value should fall in [<see cref="Lower"/>, <see cref="Upper"/>] with probability <see cref="Level"/>.</summary>
/// <param name="Level">The nominal coverage, such as 0.8 or 0.95.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public readonly record struct PredictionInterval(double Level, double Lower, double Upper);
