namespace Surgewatch.Ingestion.Errors;

/// <summary>One thing wrong with an input, precise enough for a person to find and fix it.</summary>
/// <param name="Source">The file or request the input came from, e.g. <c>counts.csv.gz</c>.</param>
/// <param name="Line">The 1-based line, or null when the problem concerns the input as a whole.</param>
/// <param name="Field">The column or property, or null when the problem concerns the whole line.</param>
/// <param name="Message">What is wrong, e.g. <c>'abc' is not a number</c>.</param>
public sealed record InputError(string Source, int? Line, string? Field, string Message)
{
    /// <summary>The error as one readable line: <c>counts.csv.gz line 12, field 'count': 'abc' is not a number</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{Source} line {line}" : Source;
        return Field is null ? $"{where}: {Message}" : $"{where}, field '{Field}': {Message}";
    }
}
