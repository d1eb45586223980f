namespace Surgewatch.Core.Calendar;

/// <summary>One school-holiday break: the days from <see cref="First"/> to <see cref="Last"/>, both inclusive.</summary>
/// <param name="Name">The break's name, e.g. "Term 1 break".</param>
/// <param name="First">The first day without school.</param>
/// <param name="Last">The last day without school.</param>
public sealed record SchoolHolidayPeriod(string Name, DateOnly First, DateOnly Last)
{
    /// <summary>True when <paramref name="date"/> lies in the break.</summary>
    public bool Contains(DateOnly date) => date >= First && date <= Last;
}
