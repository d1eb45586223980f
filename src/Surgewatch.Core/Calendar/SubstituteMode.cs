namespace Surgewatch.Core.Calendar;

/// <summary>What happens to a holiday that falls on one of the <see cref="SubstitutePolicy.On"/> days.</summary>
public enum SubstituteMode
{
    /// <summary>The day itself stays a holiday and the next free working day is added as well.</summary>
    Additional,

    /// <summary>The holiday moves to the next free working day; the day itself is not a holiday.</summary>
    Move,
}
