using Surgewatch.Core.Series;

namespace Surgewatch.Core.Calendar;

/// <summary>
/// A planned event that moves crowds (a festival, a parade, fireworks), entered by an operator. It covers the
/// labels from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive), so an hourly slot labelled
/// 06:00 is inside an event that ends at 07:00. It applies to the listed sensors and the sensors of the listed
/// zones; with neither listed it is city-wide.
/// </summary>
/// <param name="Name">The event's name.</param>
/// <param name="Start">The first label covered (a local wall-clock label).</param>
/// <param name="End">The label just after the event (exclusive).</param>
/// <param name="Sensors">Sensors the event applies to.</param>
/// <param name="Zones">Zone ids whose sensors the event applies to.</param>
/// <param name="ExpectedAttendance">The expected number of people, when known.</param>
public sealed record CalendarEvent(
    string Name,
    TimeLabel Start,
    TimeLabel End,
    IReadOnlyList<SensorId> Sensors,
    IReadOnlyList<string> Zones,
    int? ExpectedAttendance = null)
{
    /// <summary>True when the event names no sensor and no zone: it applies everywhere.</summary>
    public bool IsCityWide => Sensors.Count == 0 && Zones.Count == 0;

    /// <summary>True when <paramref name="label"/> lies in [<see cref="Start"/>, <see cref="End"/>).</summary>
    public bool Covers(TimeLabel label) => label >= Start && label < End;
}
