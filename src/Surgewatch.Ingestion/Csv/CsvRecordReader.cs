using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Text;

namespace Surgewatch.Ingestion.Csv;

/// <summary>
/// Reads RFC 4180 CSV records as UTF-8 fields without allocating: fields are slices of the record buffer, and
/// quoted fields are unquoted in place (<c>"a ""b"", c"</c> becomes <c>a "b", c</c>).
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly Utf8RecordReader _records;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];

    /// <summary>Reads <paramref name="stream"/>; with <paramref name="onComment"/>, lines starting with <c>#</c> are comments handed to it (line, text).</summary>
    public CsvRecordReader(Stream stream, InputErrorList errors, Action<int, string>? onComment = null) =>
        _records = new Utf8RecordReader(stream, quoteAware: true, errors) { OnComment = onComment };

    /// <summary>The line on which the current record starts.</summary>
    public int Line => _records.Line;

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Why the current record could not be split, or null when it was.</summary>
    public string? Problem { get; private set; }

    /// <summary>The 0-based field the <see cref="Problem"/> is in.</summary>
    public int ProblemField { get; private set; }

    /// <summary>Field <paramref name="index"/> of the current record, unquoted.</summary>
    public ReadOnlySpan<byte> this[int index] => _records.Current.Slice(_starts[index], _lengths[index]);

    /// <summary>Moves to the next record; false at the end. Check <see cref="Problem"/> before reading fields.</summary>
    public bool TryRead()
    {
        if (!_records.TryRead())
        {
            return false;
        }

        Split(_records.Current);
        return true;
    }

    private void Split(Span<byte> record)
    {
        FieldCount = 0;
        Problem = null;
        var position = 0;
        while (true)
        {
            var end = record[position..].IndexOfAny((byte)',', (byte)'"');
            if (end >= 0 && record[position + end] == (byte)'"')
            {
                if (end != 0)
                {
                    Fail("a quote inside an unquoted field; quote the whole field and double the quotes inside it");
                    return;
                }

                end = SplitQuoted(record, position);
                if (end < 0)
                {
                    return;
                }
            }
            else
            {
                AddField(position, end < 0 ? record.Length - position : end);
            }

            position += (end < 0 ? record.Length - position : end) + 1;
            if (end < 0 || position > record.Length)
            {
                return;
            }
        }
    }

    /// <summary>Adds the quoted field at <paramref name="position"/>; returns its length including quotes, or -1 on a problem.</summary>
    private int SplitQuoted(Span<byte> record, int position)
    {
        var read = position + 1;
        var write = read;
        while (true)
        {
            var quote = record[read..].IndexOf((byte)'"');
            if (quote < 0)
            {
                Fail("a quoted field is not closed");
                return -1;
            }

            record.Slice(read, quote).CopyTo(record[write..]);
            write += quote;
            read += quote + 1;
            if (read < record.Length && record[read] == (byte)'"')
            {
                record[write++] = (byte)'"';
                read++;
                continue;
            }

            if (read < record.Length && record[read] != (byte)',')
            {
                Fail("text after the closing quote of a quoted field");
                return -1;
            }

            AddField(position + 1, write - position - 1);
            return read - position;
        }
    }

    private void AddField(int start, int length)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, FieldCount * 2);
            Array.Resize(ref _lengths, FieldCount * 2);
        }

        _starts[FieldCount] = start;
        _lengths[FieldCount] = length;
        FieldCount++;
    }

    private void Fail(string problem)
    {
        Problem = problem;
        ProblemField = FieldCount;
    }
}
