using System.Globalization;
using Spectre.Console;
using Surgewatch.Core.Evaluation;

namespace Surgewatch.Cli.Backtest;

/// <summary>The backtest report as a terminal table: per horizon (thinned to about 24 rows), then overall.</summary>
internal static class BacktestTable
{
    public static Table Build(BacktestResult result)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{result.Dataset} · {result.Model} · {result.Protocol} · test from {result.TestFrom}")
            .AddColumn("h").AddColumn(new TableColumn("n").RightAligned())
            .AddColumn(new TableColumn("MAE").RightAligned()).AddColumn(new TableColumn("RMSE").RightAligned())
            .AddColumn(new TableColumn("WAPE").RightAligned()).AddColumn(new TableColumn("MAPE").RightAligned())
            .AddColumn(new TableColumn("cov80").RightAligned()).AddColumn(new TableColumn("cov95").RightAligned());
        var every = Math.Max(1, (int)Math.Ceiling(result.Horizons.Count / 24.0));
        for (var i = 0; i < result.Horizons.Count; i++)
        {
            var h = result.Horizons[i];
            if ((i + 1) % every == 0 || i == 0)
            {
                table.AddRow(
                    h.H.ToString(CultureInfo.InvariantCulture), h.N.ToString("N0", CultureInfo.InvariantCulture), F(h.Mae), F(h.Rmse), F(h.Wape), F(h.Mape),
                    F(IntervalCoverage.Of(h.Coverage, 0.8)), F(IntervalCoverage.Of(h.Coverage, 0.95)));
            }
        }

        var o = result.Overall;
        table.AddEmptyRow();
        table.AddRow(
            "[bold]all[/]", o.N.ToString("N0", CultureInfo.InvariantCulture), F(o.Mae), F(o.Rmse), $"[bold]{F(o.Wape)}[/]", F(o.Mape),
            F(IntervalCoverage.Of(o.Coverage, 0.8)), F(IntervalCoverage.Of(o.Coverage, 0.95)));
        var fits = result.RefitEvery is { } interval ? $"{result.Fits} fits, one every {Common.CliParsing.FormatInterval(interval)}," : "fit";
        table.Caption($"{fits} {result.FitSeconds:0.00} s · predict and score {result.PredictSeconds:0.00} s");
        return table;
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";
}
