namespace Surgewatch.Core.Calendar;

/// <summary>
/// A calendar file (holiday rules, events, school holidays) could not be read. <see cref="Errors"/> lists every
/// problem found, each with its file, line and field, so that a whole file can be fixed in one pass.
/// </summary>
public sealed class CalendarFormatException : FormatException
{
    private const int ErrorsInMessage = 20;

    /// <summary>Creates the exception for <paramref name="errors"/> (at least one).</summary>
    public CalendarFormatException(IReadOnlyList<CalendarFormatError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for one error.</summary>
    public CalendarFormatException(CalendarFormatError error)
        : this([error])
    {
    }

    /// <summary>Creates the exception with a plain message (no file position).</summary>
    public CalendarFormatException()
        : this(new CalendarFormatError("(unknown)", null, "(file)", "the calendar file is not valid"))
    {
    }

    /// <summary>Creates the exception with a plain message (no file position).</summary>
    public CalendarFormatException(string message)
        : this(new CalendarFormatError("(unknown)", null, "(file)", message))
    {
    }

    /// <summary>Creates the exception with a plain message and the error that caused it.</summary>
    public CalendarFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new CalendarFormatError("(unknown)", null, "(file)", message)];
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<CalendarFormatError> Errors { get; }

    private static string Describe(IReadOnlyList<CalendarFormatError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A format exception needs at least one error.", nameof(errors));
        }

        var shown = errors.Take(ErrorsInMessage).Select(e => e.ToString());
        var more = errors.Count > ErrorsInMessage ? $"{Environment.NewLine}… and {errors.Count - ErrorsInMessage} more" : string.Empty;
        var noun = errors.Count == 1 ? "problem" : "problems";
        return $"The calendar file has {errors.Count} {noun}:{Environment.NewLine}{string.Join(Environment.NewLine, shown)}{more}";
    }
}
