namespace Surgewatch.Core.Calendar;

/// <summary>
/// The substitute-day rule of a holiday: when it falls on one of <see cref="On"/>, the next working day that is
/// not already a holiday is added (<see cref="SubstituteMode.Additional"/>) or takes its place
/// (<see cref="SubstituteMode.Move"/>). "Working day" means not one of the region's weekend days.
/// </summary>
/// <param name="On">The weekdays that trigger a substitute, usually the region's weekend; "Sunday only" is just Sunday.</param>
/// <param name="Mode">Whether the substitute is added or replaces the day.</param>
/// <param name="Name">The substitute's name; null means the holiday's name (with " (substitute day)" when additional).</param>
public sealed record SubstitutePolicy(IReadOnlySet<DayOfWeek> On, SubstituteMode Mode, string? Name = null)
{
    /// <summary>The name a substitute of <paramref name="holidayName"/> carries.</summary>
    public string NameFor(string holidayName) =>
        Name ?? (Mode == SubstituteMode.Move ? holidayName : holidayName + " (substitute day)");
}
