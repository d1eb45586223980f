using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Output;

/// <summary>Where closed intervals' readings go: a local NDJSON file or a Surgewatch server.</summary>
public interface IReadingSink : IAsyncDisposable
{
    /// <summary>Hands on the readings of one interval; returns once they are durable, never waiting on a network.</summary>
    Task WriteAsync(IReadOnlyList<EdgeReading> readings, CancellationToken cancellation);

    /// <summary>Waits at most <paramref name="within"/> for every accepted reading to be delivered; true when none is left pending.</summary>
    Task<bool> DrainAsync(TimeSpan within, CancellationToken cancellation);

    /// <summary>Readings accepted but not yet delivered (waiting in the disk buffer).</summary>
    int Pending { get; }
}
