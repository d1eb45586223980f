using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Intervals;

/// <summary>
/// The scale that makes residuals comparable across sensors and hours: for each sensor, the mean reading at each slot
/// of the day over the training window, floored at a tenth of the sensor's overall mean (so a quiet night hour does
/// not blow a small error up into a huge ratio). Busy sensors and busy hours get proportionately wider bands.
/// </summary>
public sealed class IntervalScale
{
    /// <summary>The floor of a slot's scale, as a share of the sensor's overall mean.</summary>
    public const double FloorShare = 0.1;

    private readonly Dictionary<SensorId, int> _index;
    private readonly double[][] _profiles;

    /// <summary>Creates a scale from stored profiles: one array of <paramref name="slotsPerDay"/> values per sensor (NaN: unknown).</summary>
    public IntervalScale(int slotsPerDay, IReadOnlyList<SensorId> sensors, double[][] profiles)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotsPerDay, 1);
        if (sensors.Count != profiles.Length)
        {
            throw new ArgumentException($"Give one profile per sensor: {sensors.Count}, not {profiles.Length}.", nameof(profiles));
        }

        _index = new Dictionary<SensorId, int>(sensors.Count);
        for (var i = 0; i < profiles.Length; i++)
        {
            if (profiles[i].Length != slotsPerDay)
            {
                throw new ArgumentException($"Profile {i} has {profiles[i].Length} slots, not {slotsPerDay}.", nameof(profiles));
            }

            _index[sensors[i]] = i;
        }

        SlotsPerDay = slotsPerDay;
        Sensors = sensors;
        _profiles = profiles;
    }

    /// <summary>Slots per day of the profiles.</summary>
    public int SlotsPerDay { get; }

    /// <summary>The sensors, in the order of <see cref="Profile"/>.</summary>
    public IReadOnlyList<SensorId> Sensors { get; }

    /// <summary>The profile of the i-th sensor of <see cref="Sensors"/>.</summary>
    public ReadOnlySpan<double> Profile(int i) => _profiles[i];

    /// <summary>Measures the profiles of every series of <paramref name="panel"/> over slots [0, <paramref name="trainEnd"/>).</summary>
    public static IntervalScale Of(SeriesPanel panel, int trainEnd)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var perDay = SlotCalendar.StepsPerDay(panel.Step);
        var first = SlotCalendar.SlotOfDay(panel.Start, panel.Step);
        var profiles = new double[panel.Sensors.Count][];
        var sums = new double[perDay];
        var counts = new int[perDay];
        for (var s = 0; s < profiles.Length; s++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            var values = panel.Values(s)[..trainEnd];
            for (var i = 0; i < values.Length; i++)
            {
                if (!Missing.Is(values[i]))
                {
                    var slot = (first + i) % perDay;
                    sums[slot] += values[i];
                    counts[slot]++;
                }
            }

            profiles[s] = MeanProfile(sums, counts);
        }

        return new IntervalScale(perDay, panel.Sensors, profiles);
    }

    /// <summary>The scale of <paramref name="sensor"/> at the slot of day of <paramref name="target"/>; NaN when unknown.</summary>
    public double At(SensorId sensor, TimeLabel target, TimeSpan step) =>
        _index.TryGetValue(sensor, out var i) ? _profiles[i][SlotCalendar.SlotOfDay(target, step) % SlotsPerDay] : Missing.Value;

    /// <summary>The index of <paramref name="sensor"/> in <see cref="Sensors"/>, or -1.</summary>
    public int IndexOf(SensorId sensor) => _index.TryGetValue(sensor, out var i) ? i : -1;

    private static double[] MeanProfile(double[] sums, int[] counts)
    {
        double total = 0;
        long n = 0;
        for (var d = 0; d < sums.Length; d++)
        {
            total += sums[d];
            n += counts[d];
        }

        var profile = new double[sums.Length];
        var mean = n == 0 ? 0 : total / n;
        if (!(mean > 0))
        {
            Array.Fill(profile, Missing.Value);
            return profile;
        }

        var floor = FloorShare * mean;
        for (var d = 0; d < sums.Length; d++)
        {
            profile[d] = counts[d] == 0 ? mean : Math.Max(floor, sums[d] / counts[d]);
        }

        return profile;
    }
}
