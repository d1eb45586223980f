namespace Surgewatch.Ingestion.Text;

/// <summary>The rows of a batch grouped by sensor (a counting sort that keeps file order within each sensor).</summary>
internal readonly struct SensorGroups
{
    private readonly int[] _rows;
    private readonly int[] _offsets;

    private SensorGroups(int[] rows, int[] offsets)
    {
        _rows = rows;
        _offsets = offsets;
    }

    public int SensorCount => _offsets.Length - 1;

    /// <summary>The rows of sensor <paramref name="sensor"/>, in their original order.</summary>
    public ReadOnlySpan<int> RowsOf(int sensor) => _rows.AsSpan(_offsets[sensor], _offsets[sensor + 1] - _offsets[sensor]);

    /// <summary>The size of the largest group.</summary>
    public int LargestGroup()
    {
        var largest = 0;
        for (var s = 0; s < SensorCount; s++)
        {
            largest = Math.Max(largest, _offsets[s + 1] - _offsets[s]);
        }

        return largest;
    }

    public static SensorGroups Of(ReadOnlySpan<int> sensorOfRow, int sensorCount)
    {
        var offsets = new int[sensorCount + 1];
        foreach (var sensor in sensorOfRow)
        {
            offsets[sensor + 1]++;
        }

        for (var s = 0; s < sensorCount; s++)
        {
            offsets[s + 1] += offsets[s];
        }

        var next = offsets[..^1];
        var rows = new int[sensorOfRow.Length];
        for (var row = 0; row < sensorOfRow.Length; row++)
        {
            rows[next[sensorOfRow[row]]++] = row;
        }

        return new SensorGroups(rows, offsets);
    }
}
