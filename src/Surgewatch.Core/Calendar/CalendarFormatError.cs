namespace Surgewatch.Core.Calendar;

/// <summary>One problem found in a calendar file: where it is and what to change.</summary>
/// <param name="Source">The file name (or other source name) the caller gave the parser.</param>
/// <param name="Line">The 1-based line, when known (CSV files and JSON syntax errors); null otherwise.</param>
/// <param name="Field">The field: a CSV column name or a JSON path such as <c>holidays[3].fixed.month</c>.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record CalendarFormatError(string Source, int? Line, string Field, string Message)
{
    /// <summary><c>source:line: field: message</c>, the form compilers use, so editors can jump to it.</summary>
    public override string ToString() =>
        Line is { } line ? $"{Source}:{line}: {Field}: {Message}" : $"{Source}: {Field}: {Message}";
}
