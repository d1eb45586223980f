using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Cluster.Readings;

/// <summary>
/// Readings on their way from the node that stored them to another (<see cref="ISiloReadingsGrain"/>): the columns of an
/// <see cref="ObservationBatch"/>, each sensor's id once.
/// </summary>
/// <param name="Sensors">The distinct sensor ids.</param>
/// <param name="SensorOf">Each reading's index into <paramref name="Sensors"/>.</param>
/// <param name="Times">Each reading's label, as <see cref="TimeLabel.Seconds"/>.</param>
/// <param name="Values">Each reading's value.</param>
[GenerateSerializer]
[Immutable]
[Alias("Surgewatch.Cluster.Readings.RelayedReadings")]
public sealed record RelayedReadings(
    [property: Id(0)] string[] Sensors,
    [property: Id(1)] int[] SensorOf,
    [property: Id(2)] long[] Times,
    [property: Id(3)] double[] Values)
{
    /// <summary>The readings as a batch.</summary>
    /// <exception cref="ArgumentException">The columns differ in length, or a reading names no sensor.</exception>
    public ObservationBatch ToBatch()
    {
        if (SensorOf.Length != Times.Length || Times.Length != Values.Length)
        {
            throw new ArgumentException($"The relayed columns differ in length ({SensorOf.Length}, {Times.Length}, {Values.Length}).");
        }

        var batch = new ObservationBatch(SensorOf.Length);
        var index = new int[Sensors.Length];
        for (var s = 0; s < Sensors.Length; s++)
        {
            index[s] = batch.InternSensor(new SensorId(Sensors[s]));
        }

        for (var i = 0; i < SensorOf.Length; i++)
        {
            if ((uint)SensorOf[i] >= (uint)index.Length)
            {
                throw new ArgumentException($"Relayed reading {i} names sensor {SensorOf[i]} of {Sensors.Length}.");
            }

            batch.Add(index[SensorOf[i]], new TimeLabel(Times[i]), Values[i]);
        }

        return batch;
    }

    /// <summary>The readings of <paramref name="batch"/>, for the wire.</summary>
    public static RelayedReadings Of(ObservationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new RelayedReadings([.. batch.Sensors.Select(s => s.Value)], batch.SensorIndexes.ToArray(), batch.TimeSeconds.ToArray(), batch.Values.ToArray());
    }
}
