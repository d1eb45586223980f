using Surgewatch.Cli.Datasets;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Backtest;

/// <summary>Cuts a dataset's panel at the end of a day, so that a backtest can test on a validation period inside the data.</summary>
internal static class PanelWindow
{
    /// <summary>The dataset with its panel ending after the whole day of <paramref name="lastDay"/> (or unchanged when the data end earlier).</summary>
    public static Dataset Until(Dataset dataset, TimeLabel lastDay)
    {
        var panel = dataset.Panel;
        var end = panel.FirstSlotAtOrAfter(TimeLabel.FromDate(lastDay.Date.AddDays(1)));
        if (end >= panel.Length)
        {
            return dataset;
        }

        var values = new double[panel.Sensors.Count][];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = panel.Values(s)[..end].ToArray();
        }

        return dataset with { Panel = new SeriesPanel(panel.Start, panel.Step, panel.Sensors, values) };
    }
}
