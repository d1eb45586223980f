using System.IO.Compression;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Server.Readings;

/// <summary>Thrown when a request body is larger than the server accepts.</summary>
internal sealed class BodyTooLargeException(long limit)
    : Exception($"The request body is larger than {limit:N0} bytes; send smaller batches.")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// Reads a whole request body asynchronously into memory, refusing it once it passes a size limit, so that
/// the synchronous ingestion readers never block a request thread on the network. A gzip body (recognised by
/// its magic bytes, with or without Content-Encoding) is inflated under the same limit.
/// </summary>
internal static class RequestBody
{
    private const int ChunkBytes = 64 * 1024;

    public static async Task<MemoryStream> BufferAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw new BodyTooLargeException(limit);
        }

        var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : ChunkBytes);
        try
        {
            await CopyAsync(request.Body, buffer, limit, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own body limit tripped first; it is the same refusal.
            await buffer.DisposeAsync();
            throw new BodyTooLargeException(limit);
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }

        buffer.Position = 0;
        return IsGzip(buffer) ? await InflateAsync(buffer, limit, cancellationToken) : buffer;
    }

    private static bool IsGzip(MemoryStream buffer) =>
        buffer.Length >= 2 && buffer.GetBuffer()[0] == 0x1F && buffer.GetBuffer()[1] == 0x8B;

    // A compressed body is inflated here, under the same limit, so that a small "zip bomb" cannot
    // expand without bound inside the readers.
    private static async Task<MemoryStream> InflateAsync(MemoryStream compressed, long limit, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: false);
        var inflated = new MemoryStream((int)Math.Min(limit, compressed.Length * 4));
        try
        {
            await CopyAsync(gzip, inflated, limit, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            await inflated.DisposeAsync();
            throw new InputRejectedException(new InputError("request body", null, null, $"the gzip data is corrupt ({e.Message})"));
        }
        catch
        {
            await inflated.DisposeAsync();
            throw;
        }

        inflated.Position = 0;
        return inflated;
    }

    private static async Task CopyAsync(Stream body, MemoryStream buffer, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new BodyTooLargeException(limit);
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
