using System.Globalization;
using System.Text.Json;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Series;

namespace Surgewatch.Models.Deployment;

/// <summary>
/// How a model did on the weeks held out before the end of its training, forecasting them as the live rule and the
/// day-ahead briefing do (the same out-of-sample forecasts its surge rule is calibrated on): WAPE and MAE of the next
/// slot and of the day ahead, and how many counters the rule warns about. Saved with the model as JSON.
/// </summary>
/// <param name="From">The first held-out slot.</param>
/// <param name="To">The slot after the last.</param>
/// <param name="Pairs">Forecast and reading pairs of the next slot.</param>
/// <param name="WapeNextStep">WAPE of the forecast one slot ahead.</param>
/// <param name="MaeNextStep">MAE of the forecast one slot ahead.</param>
/// <param name="WapeDayAhead">WAPE of the day-ahead forecast.</param>
/// <param name="Warned">The subjects the rule can warn about live: counters with a surge threshold, or roads with a congested speed.</param>
public sealed record ValidationFigures(string From, string To, long Pairs, double? WapeNextStep, double? MaeNextStep, double? WapeDayAhead, int Warned)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The figures of <paramref name="table"/>'s forecasts against <paramref name="panel"/>'s readings.</summary>
    public static ValidationFigures Of(SeriesPanel panel, ForecastTable table, int warned)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(table);
        var next = Errors(panel, table, kind: 1);
        var day = Errors(panel, table, kind: 0);
        return new ValidationFigures(
            panel.LabelAt(table.From).ToString(), panel.LabelAt(table.To).ToString(), next.Pairs,
            Round(next.Wape), Round(next.Mae), Round(day.Wape), warned);
    }

    /// <summary>As JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>From JSON written by <see cref="ToJson"/>, or null when it is missing or not figures.</summary>
    public static ValidationFigures? FromJson(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ValidationFigures>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (long Pairs, double? Wape, double? Mae) Errors(SeriesPanel panel, ForecastTable table, int kind)
    {
        double absolute = 0, actual = 0;
        long pairs = 0;
        for (var s = 0; s < table.Series; s++)
        {
            var values = panel.Values(s);
            for (var t = table.From; t < table.To; t++)
            {
                var forecast = table[kind, s, t];
                if (!double.IsNaN(forecast) && !double.IsNaN(values[t]))
                {
                    absolute += Math.Abs(forecast - values[t]);
                    actual += Math.Abs(values[t]);
                    pairs++;
                }
            }
        }

        return (pairs, actual > 0 ? absolute / actual : null, pairs > 0 ? absolute / pairs : null);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From}..{To}: next-slot WAPE {WapeNextStep:0.000}, day-ahead WAPE {WapeDayAhead:0.000}");
}
