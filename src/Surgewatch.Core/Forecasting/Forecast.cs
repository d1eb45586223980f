using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>One forecast step: the expected value of the interval starting at <see cref="Target"/>, with its intervals.</summary>
/// <param name="Target">The label of the forecast interval.</param>
/// <param name="Mean">The point forecast.</param>
/// <param name="Intervals">Prediction intervals, narrowest level first; empty when the model gives none.</param>
public sealed record ForecastPoint(TimeLabel Target, double Mean, IReadOnlyList<PredictionInterval> Intervals);

/// <summary>A forecast for one sensor, issued by one model at one time.</summary>
/// <param name="SensorId">The sensor forecast.</param>
/// <param name="Model">The model's name and version.</param>
/// <param name="IssuedAt">The label of the last slot known when the forecast was made.</param>
/// <param name="Points">The forecast steps, in time order.</param>
public sealed record Forecast(SensorId SensorId, string Model, TimeLabel IssuedAt, IReadOnlyList<ForecastPoint> Points);
