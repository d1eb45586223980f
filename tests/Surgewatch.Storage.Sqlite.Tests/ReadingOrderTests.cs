using FsCheck.Xunit;
using Surgewatch.Core.Storage;

namespace Surgewatch.Storage.Sqlite.Tests;

public sealed class ReadingOrderTests
{
    [Fact]
    public void Create_TimeOrderedRows_OrdersBySensorKeyThenLabel()
    {
        // Rows as counters publish them: by time, then sensor. Sensor index 0 has the larger key.
        int[] sensorOf = [0, 1, 0, 1, 0, 1];
        long[] labels = [10, 10, 20, 20, 30, 30];
        long[] keyOf = [9, 4];

        using var order = ReadingOrder.Create(sensorOf, labels, keyOf);

        order.Rows.ToArray().Should().Equal(1, 3, 5, 0, 2, 4);
        (order.MinLabel, order.MaxLabel).Should().Be((10L, 30L));
    }

    [Fact]
    public void Create_LabelsOutOfOrderWithDuplicates_SortsAndKeepsTheLastRowOfEachSlot()
    {
        int[] sensorOf = [0, 0, 0, 0, 0];
        long[] labels = [30, 10, 30, 20, 10];

        using var order = ReadingOrder.Create(sensorOf, labels, [1]);

        order.Rows.ToArray().Should().Equal(4, 3, 2);
        order.Count.Should().Be(3);
    }

    [Property(MaxTest = 200)]
    public bool Create_AnyRows_MatchesSortingByKeyLabelAndRowWithoutSuperseded((byte Sensor, sbyte Label)[] rows)
    {
        const int sensors = 4;
        long[] keyOf = [40, 10, 30, 20];
        var sensorOf = rows.Select(r => r.Sensor % sensors).ToArray();
        var labels = rows.Select(r => (long)r.Label).ToArray();

        using var order = ReadingOrder.Create(sensorOf, labels, keyOf);

        var expected = Enumerable.Range(0, rows.Length)
            .GroupBy(i => (keyOf[sensorOf[i]], labels[i]))
            .Select(g => g.Max())
            .OrderBy(i => keyOf[sensorOf[i]]).ThenBy(i => labels[i])
            .ToArray();
        return order.Rows.ToArray().SequenceEqual(expected);
    }
}
