using System.Text;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Output;

/// <summary>The buffer file cannot be used: its folder is missing or cannot be written.</summary>
public sealed class ReadingBufferException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The disk buffer of <c>--post</c>: readings (counts only, as ingest NDJSON lines) in the order their intervals
/// closed. The counting loop appends; the sender takes the oldest lines and removes them once the server has them.
/// The file is deleted when it empties, so a buffer on disk always means readings still to send.
/// </summary>
public sealed class ReadingBuffer
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private int _count;

    private ReadingBuffer(string path, int count)
    {
        _path = path;
        _count = count;
    }

    /// <summary>Lines waiting in the buffer.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Opens the buffer at <paramref name="path"/>, keeping what an earlier run left, and checks it can be written now.</summary>
    /// <exception cref="ReadingBufferException">The folder does not exist or cannot be written.</exception>
    public static ReadingBuffer Open(string path)
    {
        try
        {
            var existed = File.Exists(path);
            using (new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                // Opening for append proves the folder and the file can be written before the first interval closes.
            }

            if (!existed)
            {
                File.Delete(path);
            }

            return new ReadingBuffer(path, existed ? Lines(File.ReadAllLines(path)).Count : 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var why = e switch
            {
                DirectoryNotFoundException => "its folder does not exist",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new ReadingBufferException($"--buffer '{path}': cannot be written ({why}); give a file in a folder this user can write.", e);
        }
    }

    /// <summary>Appends <paramref name="readings"/> durably (flushed to disk before returning).</summary>
    public void Append(IReadOnlyList<EdgeReading> readings)
    {
        if (readings.Count == 0)
        {
            return;
        }

        var text = Encoding.UTF8.GetBytes(ReadingsNdjson.Format(readings));
        lock (_gate)
        {
            using var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(text);
            file.Flush(flushToDisk: true);
            _count += readings.Count;
        }
    }

    /// <summary>The oldest lines, at most <paramref name="max"/>, without removing them.</summary>
    public IReadOnlyList<string> Oldest(int max)
    {
        lock (_gate)
        {
            return _count == 0 ? [] : Lines(File.ReadAllLines(_path)).Take(max).ToList();
        }
    }

    /// <summary>
    /// Where lines the server refused as malformed are set aside: <c>&lt;buffer&gt;.refused</c>, next to the buffer,
    /// counts only like the buffer itself.
    /// </summary>
    public string RefusedPath => _path + ".refused";

    /// <summary>
    /// Moves the <paramref name="count"/> oldest lines to <see cref="RefusedPath"/> (appended and flushed to disk first,
    /// then removed here, so a crash in between leaves a line in both files, never in neither).
    /// </summary>
    public void SetAside(int count)
    {
        lock (_gate)
        {
            var refused = Oldest(count);
            using (var file = new FileStream(RefusedPath, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                file.Write(Encoding.UTF8.GetBytes(string.Concat(refused.Select(line => line + "\n"))));
                file.Flush(flushToDisk: true);
            }

            Remove(refused.Count);
        }
    }

    /// <summary>Removes the <paramref name="sent"/> oldest lines (acknowledged by the server).</summary>
    public void Remove(int sent)
    {
        lock (_gate)
        {
            var rest = Lines(File.ReadAllLines(_path)).Skip(sent).ToList();
            if (rest.Count == 0)
            {
                File.Delete(_path);
            }
            else
            {
                // Write the rest beside the buffer and swap it in, so a crash leaves either the old or the new buffer.
                var next = _path + ".next";
                File.WriteAllText(next, string.Concat(rest.Select(line => line + "\n")));
                File.Move(next, _path, overwrite: true);
            }

            _count = rest.Count;
        }
    }

    private static List<string> Lines(string[] lines) => [.. lines.Where(line => line.Length > 0)];
}
