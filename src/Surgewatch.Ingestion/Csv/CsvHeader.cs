using System.Text;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Privacy;

namespace Surgewatch.Ingestion.Csv;

/// <summary>Reads a CSV header line and helps readers find their columns in it.</summary>
internal static class CsvHeader
{
    /// <summary>The header's column names, trimmed; null (with the error reported) when there is no usable header.</summary>
    public static string[]? Read(CsvRecordReader csv, InputErrorList errors, string expected)
    {
        if (!csv.TryRead())
        {
            if (!errors.Any)
            {
                errors.Add(1, null, $"the input is empty; expected a header line {expected}");
            }

            return null;
        }

        if (csv.Problem is { } problem)
        {
            errors.Add(csv.Line, null, $"the header line is malformed: {problem}");
            return null;
        }

        var names = new string[csv.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Encoding.UTF8.GetString(csv[i]).Trim();
        }

        return names;
    }

    /// <summary>True when <paramref name="name"/> is one of <paramref name="spellings"/>, ignoring case.</summary>
    public static bool Is(string name, params ReadOnlySpan<string> spellings)
    {
        foreach (var spelling in spellings)
        {
            if (string.Equals(name, spelling, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records <paramref name="column"/> as the column of a role, reporting a second column for the same role.</summary>
    public static void Claim(ref int role, int column, string[] names, int line, InputErrorList errors)
    {
        if (role >= 0)
        {
            errors.Add(line, names[column], $"column {column + 1} repeats column {role + 1} ('{names[role]}')");
            return;
        }

        role = column;
    }

    /// <summary>Reports a column the schema has no place for: as personal data when it looks like it, else as unknown.</summary>
    public static void RefuseUnknown(string name, int line, string schema, InputErrorList errors)
    {
        var message = PrivacyGuard.IsIdentifierLikeFieldName(name, out var reason)
            ? reason
            : $"unknown column; {schema}";
        errors.Add(line, name, message);
    }

    /// <summary>Reports a required role that has no column.</summary>
    public static void RequirePresent(int role, string name, int line, string expected, InputErrorList errors)
    {
        if (role < 0)
        {
            errors.Add(line, null, $"the header has no '{name}' column; expected {expected}");
        }
    }

    /// <summary>
    /// True when the current record split cleanly into one field per header column; otherwise reports why (the
    /// quoting problem and its column, or the field count) and returns false.
    /// </summary>
    public static bool IsWellFormed(CsvRecordReader csv, string[] names, InputErrorList errors)
    {
        if (csv.Problem is { } problem)
        {
            errors.Add(csv.Line, NameOf(names, csv.ProblemField), problem);
            return false;
        }

        if (csv.FieldCount != names.Length)
        {
            errors.Add(csv.Line, null, $"expected {names.Length} fields ({string.Join(',', names)}) but found {csv.FieldCount}");
            return false;
        }

        return true;
    }

    /// <summary>The name of column <paramref name="index"/>, or null past the header's end.</summary>
    public static string? NameOf(string[] names, int index) => index < names.Length ? names[index] : null;
}
