using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// The probability that a slot's reading exceeds a threshold given its point forecast, from the empirical
/// distribution of actual ÷ forecast seen out of sample on a calibration window, per sensor and forecast kind
/// (day-ahead, each live horizon), optionally per bin of forecast ÷ threshold (a forecast near the threshold errs
/// differently from one far below it). P(reach) = share of calibration ratios at or above threshold ÷ forecast.
/// </summary>
/// <remarks>
/// A distribution with fewer than <see cref="MinimumSamples"/> ratios falls back, in order, to the same kind and bin
/// over all sensors, the sensor's kind over all bins, and the kind over all sensors and bins; with none at all the
/// probability is 1 when the forecast reaches the threshold and 0 otherwise.
/// With the sensor-level correction, each sensor's forecasts of each kind are first multiplied by that sensor's
/// median actual ÷ forecast over the calibration window (1 with fewer than <see cref="MinimumSamples"/> ratios), so
/// that a sensor whose counts have drifted above or below its model does not borrow the pooled error of the others;
/// the distributions then hold the ratios to the corrected forecasts.
/// With the sensor scale, the distributions hold log(actual ÷ forecast) divided by the sensor's own spread: the median
/// absolute log ratio over the slots forecast at half its threshold or more. Pooled sensors then share the shape of
/// their errors but not their size, so a steady counter whose daily peak sits just under its threshold is not given
/// the wide errors of a noisy one (and so warned every day), nor a noisy one the narrow errors of a steady one.
/// </remarks>
public sealed partial class ExceedanceCalibration
{
    /// <summary>Ratios a distribution needs before it is used rather than a pooled one.</summary>
    public const int MinimumSamples = 30;

    private readonly double[][][] _ratios;
    private readonly double[] _edges;
    private readonly int _hourGroups;
    private readonly double[] _levels;
    private readonly double[]? _scales;

    private ExceedanceCalibration(double[][][] ratios, double[] edges, int hourGroups, double[] levels, double[]? scales) =>
        (_ratios, _edges, _hourGroups, _levels, _scales) = (ratios, edges, hourGroups, levels, scales);

    /// <summary>
    /// Builds the distributions from <paramref name="table"/> (forecasts over a calibration window, made by a model
    /// fitted before it) and the readings of <paramref name="panel"/>; sensors whose threshold is NaN get none.
    /// </summary>
    /// <param name="panel">The readings.</param>
    /// <param name="table">The calibration forecasts.</param>
    /// <param name="thresholds">Each sensor's threshold (for the level bins).</param>
    /// <param name="levelEdges">Increasing edges of forecast ÷ threshold; null or empty for one bin.</param>
    /// <param name="poolSensors">Whether every sensor shares one distribution per kind and bin.</param>
    /// <param name="hourGroups">Equal groups of the hours of the day with a distribution each (1: none).</param>
    /// <param name="sensorLevel">Whether each sensor's forecasts are corrected by its median actual ÷ forecast first.</param>
    /// <param name="sensorScale">Whether each sensor's log ratios are divided by its own spread near its threshold first.</param>
    public static ExceedanceCalibration Fit(
        SeriesPanel panel,
        ForecastTable table,
        ReadOnlySpan<double> thresholds,
        IReadOnlyList<double>? levelEdges,
        bool poolSensors,
        int hourGroups = 1,
        bool sensorLevel = false,
        bool sensorScale = false)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(hourGroups, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hourGroups, 24);
        var edges = levelEdges is null ? [] : levelEdges.ToArray();
        var bins = (edges.Length + 1) * hourGroups;
        var own = Lists(table.Series * table.Kinds * bins);
        var levels = sensorLevel ? Levels(panel, table, thresholds) : Ones(table.Series * table.Kinds);
        var scales = sensorScale ? Scales(panel, table, thresholds, levels) : null;
        for (var s = 0; s < table.Series; s++)
        {
            var values = panel.Values(s);
            for (var k = 0; k < table.Kinds && !double.IsNaN(thresholds[s]); k++)
            {
                for (var t = table.From; t < table.To; t++)
                {
                    var point = table[k, s, t] * levels[(s * table.Kinds) + k];
                    if (point > 0 && !double.IsNaN(values[t]))
                    {
                        var bin = (Bin(edges, point / thresholds[s]) * hourGroups) + Group(hourGroups, (int)(panel.LabelAt(t).SecondOfDay / 3600));
                        own[(((s * table.Kinds) + k) * bins) + bin].Add(Standard(scales, (s * table.Kinds) + k, values[t] / point));
                    }
                }
            }
        }

        return new ExceedanceCalibration(Resolve(own, table.Series, table.Kinds, bins, poolSensors), edges, hourGroups, levels, scales);
    }

    /// <summary>The factor that multiplies the forecasts of <paramref name="kind"/> for <paramref name="series"/> (1 without the sensor-level correction).</summary>
    public double Level(int series, int kind) => _levels[Index(series, kind)];

    /// <summary>The spread that divides the log ratios of <paramref name="kind"/> for <paramref name="series"/> (1 without the sensor scale).</summary>
    public double Scale(int series, int kind) => _scales is null ? 1 : _scales[Index(series, kind)];

    /// <summary>
    /// The probability that <paramref name="series"/> reaches <paramref name="threshold"/> at a slot forecast as
    /// <paramref name="point"/> by a forecast of <paramref name="kind"/>; NaN for a missing forecast.
    /// <paramref name="hour"/> is the slot's hour of the day (used when the distributions are per hour group).
    /// </summary>
    public double Probability(int series, int kind, double point, double threshold, int hour = 0)
    {
        if (double.IsNaN(point) || double.IsNaN(threshold))
        {
            return Missing.Value;
        }

        if (point <= 0)
        {
            return threshold < 0 ? 1 : 0;
        }

        point *= Level(series, kind);
        var bins = (_edges.Length + 1) * _hourGroups;
        var ratios = _ratios[series][(kind * bins) + (Bin(_edges, point / threshold) * _hourGroups) + Group(_hourGroups, hour)];
        if (ratios.Length == 0)
        {
            return point >= threshold ? 1 : 0;
        }

        var needed = Standard(_scales, Index(series, kind), threshold / point);
        return (double)(ratios.Length - CountBelow(ratios, needed)) / ratios.Length;
    }

    /// <summary>The position of a series' kind in the per-series-and-kind arrays (levels, scales).</summary>
    private int Index(int series, int kind) => (series * (_levels.Length / _ratios.Length)) + kind;

    /// <summary>A ratio as the distributions hold it: as is, or with the sensor scale its log over the sensor's spread.</summary>
    private static double Standard(double[]? scales, int index, double ratio) =>
        scales is null ? ratio : ratio <= 0 ? double.NegativeInfinity : Math.Log(ratio) / scales[index];

    /// <summary>
    /// Each sensor's and kind's spread: the median absolute log of actual ÷ forecast over the slots forecast at half
    /// its threshold or more, where surges are decided; a sensor with too few such slots gets the median spread of those
    /// that have enough (or 1 when none has).
    /// </summary>
    private static double[] Scales(SeriesPanel panel, ForecastTable table, ReadOnlySpan<double> thresholds, double[] levels)
    {
        var scales = Medians(panel, table, thresholds, (index, point, value, threshold) =>
        {
            point *= levels[index];
            return point >= threshold / 2 && value > 0 ? Math.Abs(Math.Log(value / point)) : double.NaN;
        });
        for (var k = 0; k < table.Kinds; k++)
        {
            var known = Enumerable.Range(0, table.Series).Select(s => scales[(s * table.Kinds) + k]).Where(v => v > 0).ToList();
            var fallback = known.Count > 0 ? Median(known) : 1;
            for (var s = 0; s < table.Series; s++)
            {
                scales[(s * table.Kinds) + k] = scales[(s * table.Kinds) + k] > 0 ? scales[(s * table.Kinds) + k] : fallback;
            }
        }

        return scales;
    }

    /// <summary>Each sensor's and kind's median actual ÷ forecast over the table (1 with too few ratios).</summary>
    private static double[] Levels(SeriesPanel panel, ForecastTable table, ReadOnlySpan<double> thresholds)
    {
        var levels = Medians(panel, table, thresholds, (_, point, value, _) => point > 0 && !double.IsNaN(value) ? value / point : double.NaN);
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = double.IsNaN(levels[i]) ? 1 : levels[i];
        }

        return levels;
    }

    /// <summary>
    /// Per sensor and kind (index sensor × kinds + kind), the median of <paramref name="sample"/>(index, forecast,
    /// reading, threshold) over the table's slots, skipping NaN samples; NaN with fewer than <see cref="MinimumSamples"/>
    /// samples or for a sensor without a threshold.
    /// </summary>
    private static double[] Medians(SeriesPanel panel, ForecastTable table, ReadOnlySpan<double> thresholds, Func<int, double, double, double, double> sample)
    {
        var medians = new double[table.Series * table.Kinds];
        Array.Fill(medians, double.NaN);
        var samples = new List<double>(table.To - table.From);
        for (var s = 0; s < table.Series; s++)
        {
            var values = panel.Values(s);
            for (var k = 0; k < table.Kinds && !double.IsNaN(thresholds[s]); k++)
            {
                samples.Clear();
                for (var t = table.From; t < table.To; t++)
                {
                    var x = sample((s * table.Kinds) + k, table[k, s, t], values[t], thresholds[s]);
                    if (!double.IsNaN(x))
                    {
                        samples.Add(x);
                    }
                }

                if (samples.Count >= MinimumSamples)
                {
                    medians[(s * table.Kinds) + k] = Median(samples);
                }
            }
        }

        return medians;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static double[] Ones(int count)
    {
        var ones = new double[count];
        Array.Fill(ones, 1.0);
        return ones;
    }

    private static int Group(int groups, int hour) => Math.Clamp(hour, 0, 23) * groups / 24;

    private static int Bin(double[] edges, double level)
    {
        var bin = 0;
        while (bin < edges.Length && level >= edges[bin])
        {
            bin++;
        }

        return bin;
    }

    /// <summary>How many of the sorted <paramref name="sorted"/> are below <paramref name="value"/>.</summary>
    private static int CountBelow(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static double[][][] Resolve(List<double>[] own, int series, int kinds, int bins, bool poolSensors)
    {
        var result = new double[series][][];
        var pooledBin = new double[kinds * bins][];
        var pooledKind = new double[kinds][];
        for (var k = 0; k < kinds; k++)
        {
            pooledKind[k] = Sorted(Enumerable.Range(0, series).SelectMany(s => Enumerable.Range(0, bins).SelectMany(b => own[(((s * kinds) + k) * bins) + b])));
            for (var b = 0; b < bins; b++)
            {
                pooledBin[(k * bins) + b] = Sorted(Enumerable.Range(0, series).SelectMany(s => own[(((s * kinds) + k) * bins) + b]));
            }
        }

        for (var s = 0; s < series; s++)
        {
            result[s] = new double[kinds * bins][];
            for (var k = 0; k < kinds; k++)
            {
                var sensorKind = Sorted(Enumerable.Range(0, bins).SelectMany(b => own[(((s * kinds) + k) * bins) + b]));
                if (sensorKind.Length == 0)
                {
                    // A sensor without calibration data (no threshold) is never asked; an empty set keeps it that way.
                    Array.Fill(result[s], [], k * bins, bins);
                    continue;
                }

                for (var b = 0; b < bins; b++)
                {
                    var mine = own[(((s * kinds) + k) * bins) + b];
                    result[s][(k * bins) + b] =
                        !poolSensors && mine.Count >= MinimumSamples ? Sorted(mine)
                        : pooledBin[(k * bins) + b].Length >= MinimumSamples ? pooledBin[(k * bins) + b]
                        : !poolSensors && sensorKind.Length >= MinimumSamples ? sensorKind
                        : pooledKind[k];
                }
            }
        }

        return result;
    }

    private static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }

    private static List<double>[] Lists(int count)
    {
        var lists = new List<double>[count];
        for (var i = 0; i < count; i++)
        {
            lists[i] = [];
        }

        return lists;
    }
}
