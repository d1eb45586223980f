using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Output;

/// <summary>Appends readings to a local NDJSON file (<c>--out</c>), which <c>surgewatch ingest</c> reads as it is.</summary>
public sealed class NdjsonFileSink(string path) : IReadingSink
{
    private readonly StreamWriter _writer = new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };

    /// <inheritdoc/>
    public int Pending => 0;

    /// <inheritdoc/>
    public Task WriteAsync(IReadOnlyList<EdgeReading> readings, CancellationToken cancellation) =>
        _writer.WriteAsync(ReadingsNdjson.Format(readings).AsMemory(), cancellation);

    /// <inheritdoc/>
    public Task<bool> DrainAsync(TimeSpan within, CancellationToken cancellation) => Task.FromResult(true);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
