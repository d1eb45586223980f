using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Sources;

/// <summary>Opens inputs as plain text streams, decompressing gzip whatever the file is called.</summary>
public static class InputStreams
{
    private const int FileBufferBytes = 1 << 16;

    /// <summary>Opens <paramref name="path"/> for reading, decompressed when its content is gzip.</summary>
    public static Stream OpenFile(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferBytes, FileOptions.SequentialScan);
        return Decompress(file, leaveOpen: false);
    }

    /// <summary>
    /// Wraps <paramref name="stream"/> so that it reads as plain text: gzip content (recognised by its magic bytes
    /// 1F 8B, not by a name) is decompressed, and a gzip stream cut off before its trailer fails when its end is read
    /// (<see cref="CheckedGzipStream"/>). Works on streams that cannot seek, such as request bodies.
    /// </summary>
    /// <param name="stream">The raw input.</param>
    /// <param name="leaveOpen">Whether disposing the result leaves <paramref name="stream"/> open.</param>
    public static Stream Decompress(Stream stream, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[2];
        var read = 0;
        while (read < head.Length && stream.Read(head, read, head.Length - read) is var n and > 0)
        {
            read += n;
        }

        var replay = new ReplayStream(head.AsMemory(0, read), stream, leaveOpen);
        return read == 2 && head[0] == 0x1F && head[1] == 0x8B
            ? new CheckedGzipStream(replay, leaveOpen: false)
            : replay;
    }

    /// <summary>Opens the file at <paramref name="path"/> as text and hands it to <paramref name="read"/>, with the file name as the source of errors.</summary>
    internal static T ReadFile<T>(string path, ReaderOptions? options, Func<Stream, string, ReaderOptions, T> read)
    {
        using var text = OpenFile(path);
        return read(text, Path.GetFileName(path), options ?? ReaderOptions.Default);
    }

    /// <summary>Reads <paramref name="stream"/> (left open) as text through <paramref name="read"/>; errors name <paramref name="source"/>.</summary>
    internal static T ReadStream<T>(Stream stream, string source, ReaderOptions? options, Func<Stream, string, ReaderOptions, T> read)
    {
        using var text = Decompress(stream, leaveOpen: true);
        return read(text, source, options ?? ReaderOptions.Default);
    }

    /// <summary>
    /// Reads all of <paramref name="text"/> into memory, for formats parsed whole (JSON). More than
    /// <paramref name="maxBytes"/>, or corrupt compressed data, rejects the input named <paramref name="source"/>;
    /// <paramref name="what"/> names the document in the message, e.g. "zones document".
    /// </summary>
    internal static ArraySegment<byte> ReadAll(Stream text, int maxBytes, string source, string what)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = ReadChunk(text, chunk, source)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InputRejectedException(new InputError(source, null, null, $"the {what} is larger than {maxBytes >> 20} MiB"));
            }

            buffer.Write(chunk, 0, read);
        }

        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Reads the start of <paramref name="text"/> up to the end of its first non-blank line (at most
    /// <paramref name="maxBytes"/>); corrupt compressed data rejects the input named <paramref name="source"/>.
    /// </summary>
    internal static byte[] ReadHead(Stream text, int maxBytes, string source)
    {
        try
        {
            return ReadHead(text, maxBytes);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(source, 1, e);
        }
    }

    private static int ReadChunk(Stream text, byte[] chunk, string source)
    {
        try
        {
            return text.Read(chunk, 0, chunk.Length);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(source, null, e);
        }
    }

    /// <summary>The rejection of compressed data the decompressor found corrupt: the input's fault, so an input error.</summary>
    private static InputRejectedException Corrupt(string source, int? line, InvalidDataException e) =>
        new(new InputError(source, line, null, $"the compressed data is corrupt ({e.Message})"));

    private static byte[] ReadHead(Stream text, int maxBytes)
    {
        var head = new byte[Math.Min(maxBytes, 1 << 16)];
        var length = 0;
        while (length < maxBytes)
        {
            if (length == head.Length)
            {
                Array.Resize(ref head, Math.Min(head.Length * 2, maxBytes));
            }

            var read = text.Read(head, length, head.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (HasFirstLine(head.AsSpan(0, length)))
            {
                break;
            }
        }

        return head[..length];
    }

    private static bool HasFirstLine(ReadOnlySpan<byte> head)
    {
        var content = head.IndexOfAnyExcept(" \t\r\n\uFEFF"u8);
        return content >= 0 && head[content..].Contains((byte)'\n');
    }
}
