using System.Globalization;

namespace Surgewatch.Core.Calendar;

/// <summary>
/// A local wall-clock label such as <c>2013-12-31T23:00:00</c>, counted in seconds from the label
/// 1970-01-01T00:00:00. A label is not an instant: publishers of counts give every calendar day the
/// same slots (24 hourly slots, also on daylight-saving days), so the grid of labels is regular even
/// where the grid of instants is not. Arithmetic on labels is plain arithmetic on the seconds.
/// Instants with an offset are turned into labels of a site's time zone with <see cref="FromInstant"/>.
/// </summary>
public readonly record struct TimeLabel : IComparable<TimeLabel>
{
    /// <summary>Seconds in one calendar day of labels.</summary>
    public const long SecondsPerDay = 86_400;

    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Creates the label that lies <paramref name="seconds"/> after 1970-01-01T00:00:00.</summary>
    public TimeLabel(long seconds) => Seconds = seconds;

    /// <summary>Seconds since the label 1970-01-01T00:00:00.</summary>
    public long Seconds { get; }

    /// <summary>Days since 1970-01-01 (floored, so labels before 1970 count negative days).</summary>
    public long DayNumber => Math.DivRem(Seconds, SecondsPerDay) is var (q, r) && r < 0 ? q - 1 : q;

    /// <summary>Seconds since the start of the label's day, in [0, 86400).</summary>
    public int SecondOfDay => (int)(Seconds - (DayNumber * SecondsPerDay));

    /// <summary>The calendar date of the label.</summary>
    public DateOnly Date => DateOnly.FromDayNumber((int)(DayNumber + 719_162));

    /// <summary>The weekday of the label. 1970-01-01 was a Thursday.</summary>
    public DayOfWeek DayOfWeek => (DayOfWeek)(int)(((DayNumber + 4) % 7 + 7) % 7);

    /// <summary>The hour of day, 0–23.</summary>
    public int Hour => SecondOfDay / 3600;

    /// <summary>Creates the label of a wall-clock <see cref="DateTime"/>; its <see cref="DateTime.Kind"/> is ignored.</summary>
    public static TimeLabel FromDateTime(DateTime wallClock) =>
        new((wallClock.Ticks - Epoch.Ticks) / TimeSpan.TicksPerSecond);

    /// <summary>The label at midnight starting <paramref name="date"/>.</summary>
    public static TimeLabel FromDate(DateOnly date) => new(((long)date.DayNumber - 719_162) * SecondsPerDay);

    /// <summary>
    /// The label a clock in <paramref name="siteZone"/> showed at <paramref name="instant"/>. Both real hours
    /// of a fall-back night share one label, as the publishers of counts label them.
    /// </summary>
    public static TimeLabel FromInstant(DateTimeOffset instant, TimeZoneInfo siteZone)
    {
        ArgumentNullException.ThrowIfNull(siteZone);
        return FromDateTime(TimeZoneInfo.ConvertTime(instant, siteZone).DateTime);
    }

    /// <summary>
    /// The instant a clock in <paramref name="siteZone"/> showing this label stands for (the server's one reading of
    /// site-local labels); a label in a spring-forward gap takes the zone's standard offset.
    /// </summary>
    public DateTimeOffset ToInstant(TimeZoneInfo siteZone)
    {
        ArgumentNullException.ThrowIfNull(siteZone);
        var wall = ToDateTime();
        return new DateTimeOffset(wall, siteZone.IsInvalidTime(wall) ? siteZone.BaseUtcOffset : siteZone.GetUtcOffset(wall));
    }

    /// <summary>The label as a <see cref="DateTime"/> of kind <see cref="DateTimeKind.Unspecified"/>.</summary>
    public DateTime ToDateTime() => Epoch.AddTicks(Seconds * TimeSpan.TicksPerSecond);

    /// <summary>True when the label lies on a grid of <paramref name="step"/> anchored at midnight.</summary>
    public bool IsAligned(TimeSpan step) => ((Seconds % (long)step.TotalSeconds) + (long)step.TotalSeconds) % (long)step.TotalSeconds == 0;

    /// <summary>The label <paramref name="offset"/> later.</summary>
    public static TimeLabel operator +(TimeLabel label, TimeSpan offset) => new(label.Seconds + (long)offset.TotalSeconds);

    /// <summary>The label <paramref name="offset"/> earlier.</summary>
    public static TimeLabel operator -(TimeLabel label, TimeSpan offset) => new(label.Seconds - (long)offset.TotalSeconds);

    /// <summary>The span between two labels.</summary>
    public static TimeSpan operator -(TimeLabel later, TimeLabel earlier) => TimeSpan.FromSeconds(later.Seconds - earlier.Seconds);

    /// <summary>Compares by position on the label axis.</summary>
    public static bool operator <(TimeLabel a, TimeLabel b) => a.Seconds < b.Seconds;

    /// <summary>Compares by position on the label axis.</summary>
    public static bool operator >(TimeLabel a, TimeLabel b) => a.Seconds > b.Seconds;

    /// <summary>Compares by position on the label axis.</summary>
    public static bool operator <=(TimeLabel a, TimeLabel b) => a.Seconds <= b.Seconds;

    /// <summary>Compares by position on the label axis.</summary>
    public static bool operator >=(TimeLabel a, TimeLabel b) => a.Seconds >= b.Seconds;

    /// <inheritdoc />
    public int CompareTo(TimeLabel other) => Seconds.CompareTo(other.Seconds);

    /// <summary>ISO-8601 without offset, to the second: <c>2014-01-01T00:00:00</c>.</summary>
    public override string ToString() => ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
