namespace Surgewatch.Core.Calendar;

/// <summary>
/// Slot arithmetic on a regular grid of labels: how many steps make a day or a week, and which slot of the
/// day or week a label falls in. Because labels give every day the same slots, "the same hour yesterday"
/// is always exactly <see cref="StepsPerDay"/> steps back, daylight saving or not.
/// </summary>
public static class SlotCalendar
{
    /// <summary>Steps in one day of labels; throws when <paramref name="step"/> does not divide a day.</summary>
    public static int StepsPerDay(TimeSpan step) => Divide(TimeLabel.SecondsPerDay, step, "a day");

    /// <summary>Steps in one hour, at least one: a step of an hour or more counts as one (the first hour of a forecast is its first step).</summary>
    public static int StepsPerHour(TimeSpan step) => Math.Max(1, (int)(TimeSpan.FromHours(1) / step));

    /// <summary>Steps in one week of labels.</summary>
    public static int StepsPerWeek(TimeSpan step) => 7 * StepsPerDay(step);

    /// <summary>The slot of the day (0 at midnight) that <paramref name="label"/> starts.</summary>
    public static int SlotOfDay(TimeLabel label, TimeSpan step) => label.SecondOfDay / StepSeconds(step);

    /// <summary>The slot of the week, counted from Monday 00:00, that <paramref name="label"/> starts.</summary>
    public static int SlotOfWeek(TimeLabel label, TimeSpan step)
    {
        var dayOfWeekFromMonday = ((int)label.DayOfWeek + 6) % 7;
        return (dayOfWeekFromMonday * StepsPerDay(step)) + SlotOfDay(label, step);
    }

    /// <summary>The step in whole seconds; throws when it is not a positive whole number of seconds.</summary>
    public static int StepSeconds(TimeSpan step)
    {
        if (step <= TimeSpan.Zero || step.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A step must be a positive whole number of seconds.");
        }

        return checked((int)(step.Ticks / TimeSpan.TicksPerSecond));
    }

    private static int Divide(long seconds, TimeSpan step, string what)
    {
        var s = StepSeconds(step);
        if (seconds % s != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"A step must divide {what} evenly.");
        }

        return (int)(seconds / s);
    }
}
