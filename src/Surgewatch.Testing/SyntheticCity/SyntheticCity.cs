using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Testing.SyntheticCity;

/// <summary>
/// A reproducible, entirely made-up city of pedestrian counters around a fictional centre, with daily and
/// weekly rhythms, noise, outages and scheduled events. Its zones, with their occupancy and line counters, are
/// <see cref="SyntheticZones"/> (the demo's); the tests and benchmarks use both, so that nothing depends on external data.
/// </summary>
public sealed class SyntheticCity
{
    private const double CentreLatitude = -37.8136;
    private const double CentreLongitude = 144.9631;
    private static readonly SensorProfile[] Profiles = [SensorProfile.Commuter, SensorProfile.Retail, SensorProfile.Nightlife, SensorProfile.Riverside];

    private SyntheticCity(SyntheticCityOptions options, IReadOnlyList<Sensor> sensors, IReadOnlyList<SensorProfile> profiles, IReadOnlyList<SyntheticEvent> events)
    {
        Options = options;
        Sensors = sensors;
        SensorProfiles = profiles;
        Events = events;
    }

    /// <summary>The options the city was made with.</summary>
    public SyntheticCityOptions Options { get; }

    /// <summary>The counters, with made-up names and positions.</summary>
    public IReadOnlyList<Sensor> Sensors { get; }

    /// <summary>The profile of each counter, in the order of <see cref="Sensors"/>.</summary>
    public IReadOnlyList<SensorProfile> SensorProfiles { get; }

    /// <summary>The scheduled events, one every four weeks on a Saturday evening at the riverside counters.</summary>
    public IReadOnlyList<SyntheticEvent> Events { get; }

    /// <summary>Lays out a city: its counters, their profiles and its events.</summary>
    public static SyntheticCity Create(SyntheticCityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Sensors, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Sensors, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        _ = SlotCalendar.StepsPerDay(options.Step);

        var random = new Random(options.Seed);
        var sensors = new Sensor[options.Sensors];
        var profiles = new SensorProfile[options.Sensors];
        for (var i = 0; i < sensors.Length; i++)
        {
            profiles[i] = Profiles[i % Profiles.Length];
            var angle = random.NextDouble() * 2 * Math.PI;
            var radius = 0.002 + (random.NextDouble() * 0.01);
            var location = new GeoPoint(CentreLatitude + (radius * Math.Sin(angle)), CentreLongitude + (radius * Math.Cos(angle)));
            sensors[i] = new Sensor(new SensorId($"syn-{i + 1:D3}"), $"{profiles[i]} counter {i + 1}", location, SensorKind.PedestrianCount, options.Step);
        }

        return new SyntheticCity(options, sensors, profiles, PlanEvents(options, sensors, profiles));
    }

    /// <summary>Generates every counter's readings; outages leave gaps rather than zeros.</summary>
    public ObservationBatch GenerateObservations()
    {
        var stepsPerDay = SlotCalendar.StepsPerDay(Options.Step);
        var slots = stepsPerDay * Options.Days;
        var batch = new ObservationBatch(slots * Sensors.Count);
        var start = TimeLabel.FromDate(Options.StartDate);
        var random = new Random(Options.Seed + 1);
        var outageChancePerSlot = Options.OutagesPerSensorYear / (365.0 * stepsPerDay);
        for (var s = 0; s < Sensors.Count; s++)
        {
            var index = batch.InternSensor(Sensors[s].Id);
            var scale = 150 + (random.NextDouble() * 850);
            var outageLeft = 0;
            for (var i = 0; i < slots; i++)
            {
                var label = start + (Options.Step * i);
                if (outageLeft > 0 || random.NextDouble() < outageChancePerSlot)
                {
                    outageLeft = outageLeft > 0 ? outageLeft - 1 : random.Next(2, 3 * stepsPerDay);
                    continue;
                }

                var mean = scale * Rhythm.Level(SensorProfiles[s], label, Options) * EventMultiplier(Sensors[s].Id, label);
                batch.Add(index, label, Noise.Count(random, mean * Options.Step.TotalHours));
            }
        }

        return batch;
    }

    /// <summary>How many times its usual level <paramref name="sensor"/> sees at <paramref name="label"/> because of events.</summary>
    public double EventMultiplier(SensorId sensor, TimeLabel label)
    {
        var multiplier = 1.0;
        foreach (var e in Events)
        {
            if (label >= e.Start && label < e.End && Contains(e.Sensors, sensor))
            {
                // A tent-shaped build-up and dispersal around the event's midpoint.
                var half = (e.End - e.Start).TotalSeconds / 2;
                var fromMid = Math.Abs((label - e.Start).TotalSeconds - half) / half;
                multiplier *= 1 + ((e.PeakMultiplier - 1) * (1 - fromMid));
            }
        }

        return multiplier;
    }

    private static bool Contains(IReadOnlyList<SensorId> sensors, SensorId sensor)
    {
        foreach (var s in sensors)
        {
            if (s == sensor)
            {
                return true;
            }
        }

        return false;
    }

    private static SyntheticEvent[] PlanEvents(SyntheticCityOptions options, Sensor[] sensors, SensorProfile[] profiles)
    {
        var riverside = new List<SensorId>();
        for (var i = 0; i < sensors.Length; i++)
        {
            if (profiles[i] is SensorProfile.Riverside or SensorProfile.Nightlife)
            {
                riverside.Add(sensors[i].Id);
            }
        }

        var events = new List<SyntheticEvent>();
        var firstSaturday = options.StartDate.AddDays(((int)DayOfWeek.Saturday - (int)options.StartDate.DayOfWeek + 7) % 7);
        for (var day = firstSaturday.AddDays(21); day < options.StartDate.AddDays(options.Days); day = day.AddDays(28))
        {
            var start = TimeLabel.FromDate(day) + TimeSpan.FromHours(17);
            events.Add(new SyntheticEvent($"River festival {day:yyyy-MM-dd}", start, start + TimeSpan.FromHours(8), riverside, 4.0));
        }

        return [.. events];
    }
}
