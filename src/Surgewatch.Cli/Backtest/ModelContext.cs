using Spectre.Console;
using Surgewatch.Cli.Datasets;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Models.Catalog;

namespace Surgewatch.Cli.Backtest;

/// <summary>
/// The models the CLI offers (<see cref="ModelCatalogs"/>: Core's baselines plus <c>gbm</c>, which gets the holidays
/// (<c>--holidays</c>), events (<c>--events</c>) and the dataset's sensor graph (edges.csv) as features).
/// </summary>
internal static class ModelContext
{
    /// <summary>Every model name, for <c>--help</c>.</summary>
    public static IReadOnlyList<string> Names => ModelCatalogs.Names;

    /// <summary>Every model, each wrapped in a conformal model so that it gives 80 % and 95 % intervals (unless <paramref name="intervals"/> is false).</summary>
    public static ForecastModelCatalog Catalog(Dataset dataset, string? holidays, string? events, bool intervals = true) =>
        ModelCatalogs.Create(Features(dataset, holidays, events), intervals);

    /// <summary>The model named on the command line, or when none is, the default (<see cref="DefaultModelChoice"/>), said on the console.</summary>
    public static string ResolveName(CliContext context, Dataset dataset, string? requested)
    {
        if (requested is not null)
        {
            return requested;
        }

        var choice = ModelCatalogs.DefaultFor(dataset.Panel.Step);
        context.Console.MarkupLineInterpolated($"Model: [bold]{choice.Model}[/] ({choice.Reason}; name another with --model).");
        return choice.Model;
    }

    public static FeatureContext Features(Dataset dataset, string? holidays, string? events) =>
        ModelCatalogs.Features(holidays, events, dataset.Edges);
}
