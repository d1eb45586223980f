using Surgewatch.Core.Calendar;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Live;

public sealed class LivePanelTest
{
    private static readonly TimeLabel Start = TimeLabel.FromDate(new DateOnly(2025, 3, 3));
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly SensorId Gate = new("gate");

    [Fact]
    public void PutAll_SameGrid_StoresReadingsAtOnce()
    {
        var panel = new LivePanel([Gate], Quarter, Start, 8);
        var batch = new ObservationBatch(2);
        batch.Add(batch.InternSensor(Gate), Start + Quarter, 12);

        panel.PutAll(batch).Should().Be(1);

        panel.Aggregates.Should().BeFalse();
        panel.Panel.Values(0)[1].Should().Be(12);
    }

    [Fact]
    public void PutAll_CoarserGrid_NotesTouchedSlotsWhichRefillLaysFromAllTheirReadings()
    {
        var panel = new LivePanel([Gate], Quarter, Start, 8, Minute, _ => SlotAggregation.Sum);
        var stored = Minutes(15, 30, 2);

        panel.PutAll(Minutes(28, 30, 2)).Should().Be(0, "a quarter-hour is laid from the store, not from one batch");
        Missing.Is(panel.Panel.Values(0)[1]).Should().BeTrue();
        var touched = panel.TakeTouched();
        touched.Should().Be((Start + Quarter, Start + (2 * Quarter)));
        panel.TakeTouched().Should().BeNull("the touched slots are handed out once");

        panel.Refill(stored, touched!.Value.From, touched.Value.To).Should().Be(1);

        panel.Panel.Values(0)[1].Should().Be(30);
        Missing.Is(panel.Panel.Values(0)[0]).Should().BeTrue();
    }

    [Fact]
    public void Refill_ReadingSentTwice_CountedOnce()
    {
        var panel = new LivePanel([Gate], Quarter, Start, 8, Minute, _ => SlotAggregation.Sum);
        var twice = Minutes(0, 15, 1);
        twice.Add(twice.InternSensor(Gate), Start, 1);

        // The store upserts a reading sent twice, so the refill reads it once; the panel only notes the slot.
        panel.PutAll(twice);
        panel.Refill(Minutes(0, 15, 1), Start, Start + Quarter);

        panel.Panel.Values(0)[0].Should().Be(15);
    }

    [Fact]
    public void Rolled_CoarserGrid_KeepsValuesAndStaysCoarse()
    {
        var panel = new LivePanel([Gate], Quarter, Start, 4, Minute, _ => SlotAggregation.Mean);
        panel.Refill(Minutes(30, 45, 7), Start, Start + (4 * Quarter));

        var rolled = panel.Rolled(Start + (2 * Quarter));

        rolled.Aggregates.Should().BeTrue();
        rolled.Panel.Values(0)[0].Should().Be(7);
        rolled.Panel.Length.Should().Be(4);
    }

    [Fact]
    public void Refill_SameGrid_Throws()
    {
        var panel = new LivePanel([Gate], Quarter, Start, 4);

        var act = () => panel.Refill(new ObservationBatch(1), Start, Start + Quarter);

        act.Should().Throw<InvalidOperationException>();
    }

    private static ObservationBatch Minutes(int from, int to, double value)
    {
        var batch = new ObservationBatch(to - from);
        for (var m = from; m < to; m++)
        {
            batch.Add(batch.InternSensor(Gate), Start + (Minute * m), value);
        }

        return batch;
    }
}
