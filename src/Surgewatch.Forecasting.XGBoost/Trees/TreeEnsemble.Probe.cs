namespace Surgewatch.Forecasting.XGBoost.Trees;

/// <summary>Probe rows: values that exercise every split's edge cases, to compare two evaluators of the same trees.</summary>
public sealed partial class TreeEnsemble
{
    /// <summary>
    /// <paramref name="rows"/> rows of <paramref name="columns"/> features: each value is, at random, NaN, or one of the
    /// thresholds the trees use on its column, taken exactly or nudged one float step down or up.
    /// </summary>
    public float[] ProbeRows(int columns, int rows, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, Features);
        var thresholds = ThresholdsByColumn(columns);
        var random = new Random(seed);
        var values = new float[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            var own = thresholds[i % columns];
            var pick = random.Next(10);
            values[i] = pick == 0 || own.Count == 0 ? float.NaN : Nudge(own[random.Next(own.Count)], pick % 3);
        }

        return values;
    }

    private static float Nudge(float threshold, int way) =>
        way == 0 ? threshold : way == 1 ? MathF.BitDecrement(threshold) : MathF.BitIncrement(threshold);

    private List<float>[] ThresholdsByColumn(int columns)
    {
        var thresholds = new List<float>[columns];
        for (var c = 0; c < columns; c++)
        {
            thresholds[c] = [];
        }

        foreach (var split in _splits)
        {
            if (!float.IsNegativeInfinity(split.Threshold))
            {
                thresholds[split.Feature].Add(split.Threshold);
            }
        }

        return thresholds;
    }
}
