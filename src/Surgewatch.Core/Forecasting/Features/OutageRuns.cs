using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>
/// The outages (runs of at least a given number of zeros, <see cref="OutageMask"/>) that had ended by a forecast's
/// origin, found from the readings up to that origin only, and extended as later origins are asked about. The panel
/// may fill after this is made (a live panel receives each slot's readings when the slot ends): nothing is computed
/// from slots past the latest origin asked about, so a model loaded onto a live panel sees the outages a backtest
/// over the full panel sees at the same origin. Readings that change a slot already scanned (late corrections) are not
/// looked at again. Safe for concurrent use: each series is extended under its own lock.
/// </summary>
internal sealed class OutageRuns
{
    private readonly SeriesPanel _panel;
    private readonly int _minRun;
    private readonly int[][] _end;
    private readonly int[] _through;
    private readonly int[] _openStart;
    private readonly object[] _locks;

    public OutageRuns(SeriesPanel panel, int minRun)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minRun, 1);
        _panel = panel;
        _minRun = minRun;
        _end = new int[panel.Sensors.Count][];
        _through = new int[panel.Sensors.Count];
        _openStart = new int[panel.Sensors.Count];
        _locks = new object[panel.Sensors.Count];
        for (var s = 0; s < _end.Length; s++)
        {
            _end[s] = [];
            _openStart[s] = -1;
            _locks[s] = new object();
        }
    }

    /// <summary>Whether slot <paramref name="index"/> lies in an outage whose last slot came before <paramref name="origin"/>.</summary>
    public bool EndedBefore(int series, int index, int origin)
    {
        var ends = Extend(series, origin);
        return index < ends.Length && ends[index] >= 0 && ends[index] < origin;
    }

    /// <summary>Scans the series up to and including <paramref name="origin"/>, closing each zero run a non-zero (or missing) reading ends.</summary>
    private int[] Extend(int series, int origin)
    {
        lock (_locks[series])
        {
            if (origin < _through[series])
            {
                return _end[series];
            }

            var ends = Grow(series, origin + 1);
            var values = _panel.Values(series);
            var open = _openStart[series];
            for (var i = _through[series]; i <= origin; i++)
            {
                ends[i] = -1;
                if (values[i] == 0)
                {
                    open = open < 0 ? i : open;
                }
                else if (open >= 0)
                {
                    if (i - open >= _minRun)
                    {
                        ends.AsSpan(open, i - open).Fill(i - 1);
                    }

                    open = -1;
                }
            }

            _openStart[series] = open;
            _through[series] = origin + 1;
            return ends;
        }
    }

    private int[] Grow(int series, int length)
    {
        var ends = _end[series];
        if (ends.Length >= length)
        {
            return ends;
        }

        var larger = new int[Math.Min(_panel.Length, Math.Max(length, ends.Length * 2))];
        ends.CopyTo(larger, 0);
        _end[series] = larger;
        return larger;
    }
}
