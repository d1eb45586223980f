namespace Surgewatch.Core.Evaluation;

/// <summary>
/// Per horizon and level: how many scored pairs had an interval, and how many of their actuals fell inside it.
/// One worker's counts, merged with <see cref="Add"/>.
/// </summary>
internal sealed class CoverageCounts
{
    private readonly long[] _pairs;
    private readonly long[] _hits;

    public CoverageCounts(int horizon, IReadOnlyList<double> levels)
    {
        Levels = levels;
        _pairs = new long[horizon];
        _hits = new long[horizon * levels.Count];
    }

    public IReadOnlyList<double> Levels { get; }

    /// <summary>Counts one pair at horizon <paramref name="h"/> (≥ 1) whose actual is <paramref name="actual"/>; <paramref name="bounds"/> as written by <see cref="Forecasting.Intervals.IIntervalForecaster.PredictIntervals"/>.</summary>
    public void Count(int h, double actual, ReadOnlySpan<double> bounds, int horizon)
    {
        var lower0 = bounds[h - 1];
        if (double.IsNaN(lower0))
        {
            return;
        }

        _pairs[h - 1]++;
        for (var k = 0; k < Levels.Count; k++)
        {
            var lower = bounds[(2 * k * horizon) + h - 1];
            var upper = bounds[(((2 * k) + 1) * horizon) + h - 1];
            if (actual >= lower && actual <= upper)
            {
                _hits[((h - 1) * Levels.Count) + k]++;
            }
        }
    }

    public void Add(CoverageCounts other)
    {
        for (var i = 0; i < _pairs.Length; i++)
        {
            _pairs[i] += other._pairs[i];
        }

        for (var i = 0; i < _hits.Length; i++)
        {
            _hits[i] += other._hits[i];
        }
    }

    /// <summary>The coverage at horizon <paramref name="h"/> (≥ 1), or null when no pair had an interval.</summary>
    public IReadOnlyList<IntervalCoverage>? At(int h) => Of(_pairs[h - 1], k => _hits[((h - 1) * Levels.Count) + k]);

    /// <summary>The coverage over every horizon.</summary>
    public IReadOnlyList<IntervalCoverage>? Overall()
    {
        long pairs = 0;
        foreach (var p in _pairs)
        {
            pairs += p;
        }

        return Of(pairs, k =>
        {
            long hits = 0;
            for (var h = 0; h < _pairs.Length; h++)
            {
                hits += _hits[(h * Levels.Count) + k];
            }

            return hits;
        });
    }

    private IntervalCoverage[]? Of(long pairs, Func<int, long> hits)
    {
        if (pairs == 0)
        {
            return null;
        }

        var result = new IntervalCoverage[Levels.Count];
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = new IntervalCoverage(Levels[k], hits(k) / (double)pairs, pairs);
        }

        return result;
    }
}
