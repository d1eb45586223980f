using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.ZoneSeries;

/// <summary>One step of a zone's forecast: persons and density over the slot starting at <see cref="Target"/>.</summary>
/// <param name="Target">The label of the forecast slot.</param>
/// <param name="Persons">The expected persons present (<see cref="ZonePersons"/> of the sources' means).</param>
/// <param name="Density">Persons per square metre.</param>
/// <param name="Intervals">Density intervals, narrowest level first; only levels every source used gives.</param>
public sealed record ZoneForecastPoint(TimeLabel Target, double Persons, double Density, IReadOnlyList<PredictionInterval> Intervals)
{
    /// <summary>The density interval of <paramref name="level"/> (such as 0.8), or null when the forecast has none.</summary>
    public PredictionInterval? Interval(double level) => Find(Intervals, level);

    /// <summary>The interval of <paramref name="level"/> among <paramref name="intervals"/>, or null.</summary>
    internal static PredictionInterval? Find(IReadOnlyList<PredictionInterval> intervals, double level)
    {
        foreach (var interval in intervals)
        {
            if (Math.Abs(interval.Level - level) < 1e-9)
            {
                return interval;
            }
        }

        return null;
    }
}

/// <summary>A zone's persons and density forecast, built from its sources' forecasts by one model.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="Model">The model that forecast the sources.</param>
/// <param name="IssuedAt">The latest issue time among the source forecasts used.</param>
/// <param name="Points">The steps, in time order.</param>
public sealed record ZoneForecast(ZoneId Zone, string Model, TimeLabel IssuedAt, IReadOnlyList<ZoneForecastPoint> Points);
