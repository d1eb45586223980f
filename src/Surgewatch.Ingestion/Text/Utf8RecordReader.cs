using System.Text;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Text;

/// <summary>
/// Reads UTF-8 records (lines) from a stream into one reused buffer, without decoding them. Skips a leading BOM
/// and blank lines, drops the CR of CRLF, and counts lines. When <c>quoteAware</c>, a newline inside a quoted
/// CSV field does not end the record. A corrupt compressed stream or an over-long record is reported to the
/// error list and ends the input. With <see cref="OnComment"/> set, comment lines are handed to it instead of
/// being returned.
/// </summary>
internal sealed class Utf8RecordReader
{
    public const int InitialBufferBytes = 1 << 18;
    public const int MaxRecordBytes = 1 << 23;

    private readonly Stream _stream;
    private readonly bool _quoteAware;
    private readonly InputErrorList _errors;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _bomChecked;
    private int _nextLine = 1;
    private int _recordStart;
    private int _recordLength;

    public Utf8RecordReader(Stream stream, bool quoteAware, InputErrorList errors)
    {
        _stream = stream;
        _quoteAware = quoteAware;
        _errors = errors;
        _buffer = new byte[InitialBufferBytes];
    }

    /// <summary>Reads records straight out of <paramref name="utf8"/>, which is the whole input: nothing is copied or allocated.</summary>
    public Utf8RecordReader(ArraySegment<byte> utf8, bool quoteAware, InputErrorList errors)
    {
        _stream = Stream.Null;
        _quoteAware = quoteAware;
        _errors = errors;
        _buffer = utf8.Array ?? [];
        _start = utf8.Offset;
        _end = utf8.Offset + utf8.Count;
        _eof = true;
    }

    /// <summary>
    /// When set, a line whose first character other than space or tab is <c>#</c> is a comment: it ends at its
    /// newline whatever quotes it holds, and is handed here (its line and text) instead of being returned.
    /// </summary>
    public Action<int, string>? OnComment { get; init; }

    /// <summary>The line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The current record, without its line ending. Valid until the next <see cref="TryRead"/>.</summary>
    public Span<byte> Current => _buffer.AsSpan(_recordStart, _recordLength);

    /// <summary>Moves to the next non-blank record; false at the end of the input or after a fatal error.</summary>
    public bool TryRead()
    {
        SkipBom();
        while (TryReadAny(out var comment))
        {
            if (comment)
            {
                OnComment!(Line, Encoding.UTF8.GetString(Current));
            }
            else if (!IsBlank(Current))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryReadAny(out bool comment)
    {
        while (true)
        {
            var data = _buffer.AsSpan(_start, _end - _start);
            var innerNewlines = 0;
            comment = OnComment is not null && IsComment(data);
            var length = _quoteAware && !comment ? RecordScanner.FindEnd(data, out innerNewlines) : data.IndexOf((byte)'\n');
            if (length >= 0 || (_eof && data.Length > 0))
            {
                var consumed = length >= 0 ? length + 1 : data.Length;
                if (length < 0)
                {
                    length = data.Length;
                    innerNewlines = _quoteAware && !comment ? data.Count((byte)'\n') : 0;
                }

                SetCurrent(length, consumed, innerNewlines);
                return true;
            }

            if (_eof || !Fill())
            {
                return false;
            }
        }
    }

    private void SetCurrent(int length, int consumed, int innerNewlines)
    {
        _recordStart = _start;
        _recordLength = length > 0 && _buffer[_start + length - 1] == (byte)'\r' ? length - 1 : length;
        _start += consumed;
        Line = _nextLine;
        _nextLine += 1 + innerNewlines;
    }

    /// <summary>Reads more bytes, making room first. False after a fatal error.</summary>
    private bool Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length && !Grow())
        {
            return false;
        }

        try
        {
            var read = _stream.Read(_buffer.AsSpan(_end));
            _end += read;
            _eof = read == 0;
            return true;
        }
        catch (InvalidDataException e)
        {
            // Thrown by the decompressor on corrupt data; it is the input's fault, so it becomes an input error.
            return Stop($"the compressed data is corrupt ({e.Message})");
        }
    }

    private bool Grow()
    {
        if (_buffer.Length >= MaxRecordBytes)
        {
            return Stop($"the line is longer than {MaxRecordBytes / (1 << 20)} MiB (is a quote left open, or is this not a text file?)");
        }

        Array.Resize(ref _buffer, _buffer.Length * 2);
        return true;
    }

    private bool Stop(string message)
    {
        _errors.Add(_nextLine, null, message);
        _eof = true;
        _start = _end = 0;
        return false;
    }

    private void SkipBom()
    {
        if (_bomChecked)
        {
            return;
        }

        _bomChecked = true;
        while (_end - _start < 3 && !_eof)
        {
            if (!Fill())
            {
                return;
            }
        }

        if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
        {
            _start += 3;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> record) => Utf8Text.IsBlank(record);

    private static bool IsComment(ReadOnlySpan<byte> data) =>
        data.IndexOfAnyExcept((byte)' ', (byte)'\t') is var first and >= 0 && data[first] == (byte)'#';
}
