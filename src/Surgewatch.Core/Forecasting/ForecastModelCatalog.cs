using System.Diagnostics.CodeAnalysis;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// Maps the names used on the command line and in reports to forecasting models. Names are matched without
/// regard to case. <see cref="Default"/> holds the built-in baselines.
/// </summary>
public sealed class ForecastModelCatalog
{
    private readonly Dictionary<string, IForecastModel> _byName;

    /// <summary>Creates a catalog of <paramref name="models"/>; two models may not share a name.</summary>
    public ForecastModelCatalog(IEnumerable<IForecastModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _byName = new Dictionary<string, IForecastModel>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var model in models)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(models));
            if (!_byName.TryAdd(model.Name, model))
            {
                throw new ArgumentException($"Two models are named '{model.Name}'; names must be unique.", nameof(models));
            }

            names.Add(model.Name);
        }

        Names = names.AsReadOnly();
    }

    /// <summary>The built-in baselines: last-value, seasonal-naive-day, seasonal-naive-week, historical-median-4w, day-kind-median-3d.</summary>
    public static ForecastModelCatalog Default { get; } = new(
    [
        new LastValueModel(),
        new SeasonalNaiveModel(SeasonalPeriod.Day),
        new SeasonalNaiveModel(SeasonalPeriod.Week),
        new HistoricalMedianModel(4),
        new DayKindMedianModel(),
    ]);

    /// <summary>The models' names, in the order given (for <c>--help</c>).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Finds the model named <paramref name="name"/>.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out IForecastModel? model)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out model);
    }

    /// <summary>The model named <paramref name="name"/>; throws <see cref="UnknownForecastModelException"/> listing the known names when there is none.</summary>
    public IForecastModel Get(string name) =>
        TryGet(name, out var model) ? model : throw new UnknownForecastModelException(name, Names);
}
