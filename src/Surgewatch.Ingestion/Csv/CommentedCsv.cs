using System.Text;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Text;

namespace Surgewatch.Ingestion.Csv;

/// <summary>
/// The CSV of settings files (calendars, roads): the readings' CSV (<see cref="CsvRecordReader"/>: RFC 4180 quoting, CRLF, a BOM,
/// blank lines skipped) plus comment lines starting with <c>#</c>, and a fixed header row first. Line numbers
/// are those of the file as written, comments and blank lines counted.
/// </summary>
internal static class CommentedCsv
{
    /// <summary>One data row: its 1-based line and its fields, trimmed, exactly as many as the header has.</summary>
    internal readonly record struct Row(int Line, string[] Fields);

    /// <summary>
    /// The data rows of <paramref name="text"/> after checking its header against <paramref name="header"/>.
    /// Rows that do not split into one field per column are reported to <paramref name="errors"/> and skipped;
    /// comment lines go to <paramref name="onComment"/> when given.
    /// </summary>
    public static List<Row> ReadRows(Stream text, string[] header, InputErrorList errors, Action<int, string>? onComment = null)
    {
        var csv = new CsvRecordReader(text, errors, onComment ?? IgnoreComment);
        var expected = string.Join(',', header);
        var rows = new List<Row>();
        if (CsvHeader.Read(csv, errors, expected) is not { } names)
        {
            return rows;
        }

        if (!names.AsSpan().SequenceEqual(header, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(csv.Line, null, $"expected the header {expected}, found {string.Join(',', names)}");
            return rows;
        }

        while (csv.TryRead())
        {
            if (CsvHeader.IsWellFormed(csv, header, errors))
            {
                rows.Add(new Row(csv.Line, Fields(csv)));
            }
        }

        return rows;
    }

    private static string[] Fields(CsvRecordReader csv)
    {
        var fields = new string[csv.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = Encoding.UTF8.GetString(Utf8Text.Trim(csv[i]));
        }

        return fields;
    }

    private static void IgnoreComment(int line, string text)
    {
    }
}
