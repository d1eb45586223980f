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

    /// <summary>Gathers the readings bound for one node.</summary>
    internal sealed class Builder
    {
        private readonly List<string> _sensors = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<int> _sensorOf = [];
        private readonly List<long> _times = [];
        private readonly List<double> _values = [];

        /// <summary>How many readings it holds.</summary>
        public int Count => _times.Count;

        public void Add(string sensor, long time, double value)
        {
            if (!_index.TryGetValue(sensor, out var index))
            {
                index = _sensors.Count;
                _sensors.Add(sensor);
                _index.Add(sensor, index);
            }

            _sensorOf.Add(index);
            _times.Add(time);
            _values.Add(value);
        }

        /// <summary>The readings gathered, which it then forgets.</summary>
        public RelayedReadings Take()
        {
            var readings = new RelayedReadings([.. _sensors], [.. _sensorOf], [.. _times], [.. _values]);
            _sensors.Clear();
            _index.Clear();
            _sensorOf.Clear();
            _times.Clear();
            _values.Clear();
            return readings;
        }
    }
}
