namespace Surgewatch.Server.Live;

/// <summary>
/// How many clients the hub has now: a single node sends every zone's status once a second only while someone listens;
/// a cluster node sends its own zones' statuses while any node has listeners (<see cref="Core.Cluster.IZoneStatusShare.AnyoneListening"/>).
/// </summary>
internal sealed class LiveAudience
{
    private int _connected;

    /// <summary>Whether any client is connected.</summary>
    public bool Anyone => Volatile.Read(ref _connected) > 0;

    public void Joined() => Interlocked.Increment(ref _connected);

    public void Left() => Interlocked.Decrement(ref _connected);
}
