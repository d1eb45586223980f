using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Output;

/// <summary>Where closed intervals' readings go: a local NDJSON file or a Surgewatch server.</summary>
public interface IReadingSink : IAsyncDisposable
{
    /// <summary>Hands on the readings of one interval.</summary>
    Task WriteAsync(IReadOnlyList<EdgeReading> readings, CancellationToken cancellation);

    /// <summary>Readings accepted but not yet delivered (waiting in the disk buffer).</summary>
    int Pending { get; }
}
