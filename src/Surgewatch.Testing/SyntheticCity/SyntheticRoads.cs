using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;

namespace Surgewatch.Testing.SyntheticCity;

/// <summary>
/// The synthetic city's road corridor (that of <c>serve --demo</c>): Bank Street, on the river's north bank, with eight
/// loop detectors 250 m apart running west to east towards the arena plaza, reporting their mean speed every five minutes. Its jams recur: on
/// weekdays the morning rush (07:30–09:00) on the western half and the evening rush (17:00–18:30) in the middle; on
/// Saturdays the concert's arrivals (18:10–19:20) near the arena. One incident, when it is started, blocks the road at
/// <see cref="IncidentDetector"/> and backs up to the west within minutes: the same-kind-of-day profile cannot foresee
/// it. Like the zones, every speed is a pure function of the label (and the incident's start), so history and the
/// live feed agree.
/// </summary>
public static class SyntheticRoads
{
    /// <summary>How often the detectors report.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    /// <summary>Minutes after the demo start at which the incident blocks the road.</summary>
    public const int IncidentStartMinutes = 150;

    /// <summary>The detector where the incident happens, counted from the west (it backs up to the two west of it).</summary>
    public const int IncidentDetector = 4;

    /// <summary>How long the incident blocks the road.</summary>
    public static readonly TimeSpan IncidentLength = TimeSpan.FromMinutes(45);

    private const int Detectors = 8;
    private const double North = -300;
    private const double WestEnd = -850;
    private const double Spacing = 250;

    /// <summary>The detectors, west to east.</summary>
    public static IReadOnlyList<Sensor> Sensors() =>
        [.. Enumerable.Range(1, Detectors).Select(i => new Sensor(
            Id(i), $"Bank Street at {(WestEnd + ((i - 1) * Spacing)):+0;-0} m (eastbound)", SyntheticZones.Offset(North, WestEnd + ((i - 1) * Spacing)), SensorKind.RoadSpeed, Step))];

    /// <summary>The road graph: each detector to the next one east (downstream), weight 1.</summary>
    public static IReadOnlyList<SensorEdge> Edges() =>
        [.. Enumerable.Range(1, Detectors - 1).Select(i => new SensorEdge(Id(i), Id(i + 1), 1))];

    /// <summary>
    /// Adds each detector's mean speed (km/h) for the five minutes ending at <paramref name="label"/> when the label is
    /// on the five-minute grid (nothing otherwise); the incident starts at <paramref name="incidentStart"/> (none when null).
    /// </summary>
    public static void AddReadings(ObservationBatch batch, TimeLabel label, TimeLabel? incidentStart)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (label.Seconds % (long)Step.TotalSeconds != 0)
        {
            return;
        }

        for (var i = 1; i <= Detectors; i++)
        {
            var id = Id(i);
            batch.Add(batch.InternSensor(id), label, Math.Round(Speed(i, label, incidentStart), 1));
        }
    }

    /// <summary>Detector <paramref name="index"/>'s speed (1 = westernmost) at <paramref name="label"/>.</summary>
    public static double Speed(int index, TimeLabel label, TimeLabel? incidentStart)
    {
        var id = Id(index).Value;
        var freeFlow = 58 + (index % 3 * 3);
        var ratio = Math.Min(Recurring(index, label), Incident(index, label, incidentStart));
        return freeFlow * ratio * Noise.Factor(id, label);
    }

    /// <summary>The id of detector <paramref name="index"/> (1 = westernmost).</summary>
    public static SensorId Id(int index) => new($"bank-street-{index}");

    /// <summary>The share of free flow the recurring jams leave at <paramref name="label"/>.</summary>
    private static double Recurring(int index, TimeLabel label)
    {
        var hour = label.SecondOfDay / 3600.0;
        var day = label.DayOfWeek;
        var ratio = 1.0;
        if (day is >= DayOfWeek.Monday and <= DayOfWeek.Friday)
        {
            if (index <= 4)
            {
                ratio = Math.Min(ratio, Dip(hour, 7.5, 9.0, 0.4));
            }

            if (index is >= 3 and <= 6)
            {
                ratio = Math.Min(ratio, Dip(hour, 17.0, 18.5, 0.45));
            }
        }
        else if (day == DayOfWeek.Saturday && index >= 5)
        {
            // The concert's arrivals reach the detectors nearest the arena first.
            var late = (Detectors - index) * 5 / 60.0;
            ratio = Math.Min(ratio, Dip(hour, 18.1667 + late, 19.3333, 0.3));
        }

        return ratio;
    }

    /// <summary>The incident: the road blocked at its detector and, ten minutes a detector later, backed up to the two west of it.</summary>
    private static double Incident(int index, TimeLabel label, TimeLabel? start)
    {
        if (start is not { } from || index > IncidentDetector || index < IncidentDetector - 2)
        {
            return 1;
        }

        var minutes = (label - from).TotalMinutes - ((IncidentDetector - index) * 10);
        var length = IncidentLength.TotalMinutes - ((IncidentDetector - index) * 10);
        return minutes < 0 || minutes >= length ? 1 : minutes < 5 ? 0.55 : 0.22;
    }

    /// <summary>A jam from <paramref name="from"/> to <paramref name="to"/> (hours): 20 minutes down to <paramref name="low"/>, held, 20 minutes back.</summary>
    private static double Dip(double hour, double from, double to, double low)
    {
        const double Ramp = 1 / 3.0;
        if (hour <= from || hour >= to)
        {
            return 1;
        }

        var depth = Math.Min(1, Math.Min(hour - from, to - hour) / Ramp);
        return 1 - ((1 - low) * depth);
    }
}
