using System.Buffers;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Server.Readings;

/// <summary>Thrown when a request body is larger than the server accepts.</summary>
internal sealed class BodyTooLargeException(long limit)
    : Exception($"The request body is larger than {limit:N0} bytes; send smaller batches.")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// A whole request body, read asynchronously into a pooled buffer and refused once it passes a size limit, so that
/// the synchronous ingestion readers never block a request thread on the network and a busy ingest does not
/// allocate a fresh buffer per request. A gzip body (recognised by its magic bytes, with or without
/// Content-Encoding) is inflated under the same limit. Dispose returns the buffer to the pool.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private const int UnknownLengthBytes = 64 * 1024;

    private byte[] _buffer;
    private int _length;

    private RequestBody(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    /// <summary>The body's bytes (valid until disposed).</summary>
    public ArraySegment<byte> Bytes => new(_buffer, 0, _length);

    /// <summary>The body as a read-only stream over the same bytes.</summary>
    public MemoryStream AsStream() => new(_buffer, 0, _length, writable: false);

    public static async Task<RequestBody> BufferAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw new BodyTooLargeException(limit);
        }

        // One byte more than announced, so that the read which sees the end needs no larger buffer.
        var body = new RequestBody(request.ContentLength is { } n ? (int)n + 1 : UnknownLengthBytes);
        try
        {
            await body.FillAsync(request.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own body limit tripped first; it is the same refusal.
            body.Dispose();
            throw new BodyTooLargeException(limit);
        }
        catch
        {
            body.Dispose();
            throw;
        }

        return body.IsGzip ? await body.InflateAsync(limit, cancellationToken) : body;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
    }

    private bool IsGzip => _length >= 2 && _buffer[0] == 0x1F && _buffer[1] == 0x8B;

    // A compressed body is inflated here, under the same limit, so that a small "zip bomb" cannot
    // expand without bound inside the readers.
    private async Task<RequestBody> InflateAsync(long limit, CancellationToken cancellationToken)
    {
        using var compressed = this;
        var inflated = new RequestBody((int)Math.Min(limit + 1, (long)_length * 4));
        try
        {
            await using var gzip = new Ingestion.Sources.CheckedGzipStream(AsStream(), leaveOpen: false);
            await inflated.FillAsync(gzip, limit, cancellationToken);
            return inflated;
        }
        catch (InvalidDataException e)
        {
            inflated.Dispose();
            throw new InputRejectedException(new InputError("request body", null, null, $"the gzip data is corrupt ({e.Message})"));
        }
        catch
        {
            inflated.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="source"/> to its end straight into the buffer, growing it (from the pool) as needed.</summary>
    private async Task FillAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_length == _buffer.Length)
            {
                Grow();
            }

            var read = await source.ReadAsync(_buffer.AsMemory(_length), cancellationToken);
            if (read == 0)
            {
                return;
            }

            _length += read;
            if (_length > limit)
            {
                throw new BodyTooLargeException(limit);
            }
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
