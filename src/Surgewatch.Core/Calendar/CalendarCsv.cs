using System.Text;

namespace Surgewatch.Core.Calendar;

/// <summary>
/// The CSV dialect of calendar files: comma-separated, optional double quotes (<c>""</c> inside quotes is a
/// quote), lines starting with <c>#</c> and blank lines skipped, a fixed header row first. Errors carry the
/// line number of the file as written (comments and blank lines counted).
/// </summary>
internal static class CalendarCsv
{
    /// <summary>One data row: its 1-based line number and its fields, exactly as many as the header has.</summary>
    internal readonly record struct Row(int Line, string[] Fields);

    /// <summary>
    /// Reads the data rows of <paramref name="text"/> after checking the header against <paramref name="header"/>.
    /// Rows with the wrong number of fields or bad quoting are reported to <paramref name="errors"/> and skipped.
    /// </summary>
    public static List<Row> ReadRows(string text, string source, string[] header, List<CalendarFormatError> errors)
    {
        var rows = new List<Row>();
        var fields = new List<string>(header.Length);
        var headerSeen = false;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (lineNumber == 1)
            {
                line = line.TrimStart('\uFEFF');
            }

            if (line.AsSpan().Trim().IsEmpty || line.AsSpan().TrimStart().StartsWith("#"))
            {
                continue;
            }

            if (!TrySplit(line, fields, out var reason))
            {
                errors.Add(new CalendarFormatError(source, lineNumber, "(line)", reason));
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                CheckHeader(fields, header, source, lineNumber, errors);
                continue;
            }

            if (fields.Count != header.Length)
            {
                errors.Add(new CalendarFormatError(source, lineNumber, "(line)", $"expected {header.Length} fields ({string.Join(",", header)}), found {fields.Count}"));
                continue;
            }

            rows.Add(new Row(lineNumber, [.. fields]));
        }

        if (!headerSeen)
        {
            errors.Add(new CalendarFormatError(source, null, "(header)", $"the file has no header row; expected: {string.Join(",", header)}"));
        }

        return rows;
    }

    /// <summary>Splits one CSV line into <paramref name="fields"/> (cleared first), trimming unquoted spaces.</summary>
    public static bool TrySplit(string line, List<string> fields, out string reason)
    {
        fields.Clear();
        var current = new StringBuilder();
        var i = 0;
        while (true)
        {
            current.Clear();
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                if (!TryReadQuoted(line, ref i, current, out reason))
                {
                    return false;
                }

                fields.Add(current.ToString());
            }
            else
            {
                var end = line.IndexOf(',', i);
                end = end < 0 ? line.Length : end;
                fields.Add(line[i..end].Trim());
                i = end;
            }

            if (i >= line.Length)
            {
                reason = string.Empty;
                return true;
            }

            i++; // the comma
        }
    }

    private static bool TryReadQuoted(string line, ref int i, StringBuilder value, out string reason)
    {
        i++; // opening quote
        while (i < line.Length)
        {
            if (line[i] != '"')
            {
                value.Append(line[i++]);
                continue;
            }

            if (i + 1 < line.Length && line[i + 1] == '"')
            {
                value.Append('"');
                i += 2;
                continue;
            }

            i++; // closing quote
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            reason = i < line.Length && line[i] != ',' ? "a quoted field must be followed by a comma or the end of the line" : string.Empty;
            return reason.Length == 0;
        }

        reason = "a quoted field is not closed (a field cannot span lines)";
        return false;
    }

    private static void CheckHeader(List<string> fields, string[] header, string source, int line, List<CalendarFormatError> errors)
    {
        if (fields.Count == header.Length && fields.Select((f, i) => string.Equals(f, header[i], StringComparison.OrdinalIgnoreCase)).All(same => same))
        {
            return;
        }

        errors.Add(new CalendarFormatError(source, line, "(header)", $"expected the header {string.Join(",", header)}, found {string.Join(",", fields)}"));
    }
}
