namespace Surgewatch.Server.Live;

/// <summary>
/// How many clients the hub has now: the monitor builds and sends every zone's status once a second only while someone
/// listens (on a cluster node, merging the other nodes' statuses costs a parse of every zone's).
/// </summary>
internal sealed class LiveAudience
{
    private int _connected;

    /// <summary>Whether any client is connected.</summary>
    public bool Anyone => Volatile.Read(ref _connected) > 0;

    public void Joined() => Interlocked.Increment(ref _connected);

    public void Left() => Interlocked.Decrement(ref _connected);
}
