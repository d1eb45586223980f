using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Text;

/// <summary>
/// Finds a sensor given twice for the same label within one input. Inputs are usually sorted by time, so while
/// each sensor's labels keep increasing nothing more is done than remembering the last one; only an input
/// that goes back in time pays for a full check when it ends.
/// </summary>
internal sealed class DuplicateDetector
{
    private long[] _lastTime = NewLastTimes(64);
    private int[] _lines = new int[1024];
    private int _rows;
    private bool _needsFullCheck;

    /// <summary>Notes the row just added to the batch.</summary>
    public void Note(int sensorIndex, long time, int line)
    {
        if (sensorIndex >= _lastTime.Length)
        {
            var grown = NewLastTimes(Math.Max(_lastTime.Length * 2, sensorIndex + 1));
            _lastTime.CopyTo(grown, 0);
            _lastTime = grown;
        }

        if (time <= _lastTime[sensorIndex])
        {
            _needsFullCheck = true;
        }

        _lastTime[sensorIndex] = time;
        if (_rows == _lines.Length)
        {
            Array.Resize(ref _lines, _rows * 2);
        }

        _lines[_rows++] = line;
    }

    /// <summary>Reports every row that repeats an earlier row's sensor and label, naming both lines.</summary>
    public void Report(ObservationBatch batch, InputErrorList errors)
    {
        if (!_needsFullCheck)
        {
            return;
        }

        var groups = SensorGroups.Of(batch.SensorIndexes, batch.Sensors.Count);
        var times = new long[groups.LargestGroup()];
        var lines = new int[times.Length];
        for (var sensor = 0; sensor < groups.SensorCount; sensor++)
        {
            var rows = groups.RowsOf(sensor);
            for (var i = 0; i < rows.Length; i++)
            {
                times[i] = batch.TimeSeconds[rows[i]];
                lines[i] = _lines[rows[i]];
            }

            Array.Sort(times, lines, 0, rows.Length);
            ReportRuns(batch.Sensors[sensor], times.AsSpan(0, rows.Length), lines.AsSpan(0, rows.Length), errors);
        }
    }

    private static long[] NewLastTimes(int length)
    {
        var times = new long[length];
        Array.Fill(times, long.MinValue);
        return times;
    }

    private static void ReportRuns(SensorId sensor, ReadOnlySpan<long> times, Span<int> lines, InputErrorList errors)
    {
        var runStart = 0;
        for (var i = 1; i <= times.Length; i++)
        {
            if (i < times.Length && times[i] == times[runStart])
            {
                continue;
            }

            if (i - runStart > 1)
            {
                var run = lines[runStart..i];
                run.Sort();
                foreach (var line in run[1..])
                {
                    errors.Add(line, null, $"sensor '{sensor}' at {new TimeLabel(times[runStart])} was already given on line {run[0]}");
                }
            }

            runStart = i;
        }
    }
}
