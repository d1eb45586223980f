namespace Surgewatch.Server.Deployment;

/// <summary>
/// The outlooks a family's deployment shows: its own groups' (from the last issue on this node) and those the nodes
/// holding the other groups shared, one list ordered by sensor id.
/// Thread-safe: the issue sets its own, the deployment service the others'.
/// </summary>
/// <typeparam name="TStatus">An outlook of one sensor.</typeparam>
/// <param name="sensorOf">The sensor id of an outlook.</param>
internal sealed class ShownOutlooks<TStatus>(Func<TStatus, string> sensorOf)
{
    private readonly object _sync = new();
    private IReadOnlyList<TStatus> _own = [];
    private IReadOnlyList<TStatus> _others = [];

    /// <summary>The outlooks shown: a new list whenever they change.</summary>
    public IReadOnlyList<TStatus> Shown { get; private set; } = [];

    /// <summary>This node's groups' outlooks alone.</summary>
    public IReadOnlyList<TStatus> Mine => _own;

    /// <summary>Shows <paramref name="own"/> as this node's groups' outlooks.</summary>
    public void Own(IReadOnlyList<TStatus> own)
    {
        lock (_sync)
        {
            _own = own;
            Merge();
        }
    }

    /// <summary>Shows <paramref name="others"/> as the other groups' outlooks, as their nodes shared them.</summary>
    public void Others(IReadOnlyList<TStatus> others)
    {
        lock (_sync)
        {
            _others = others;
            Merge();
        }
    }

    private void Merge()
    {
        var own = new HashSet<string>(_own.Select(sensorOf), StringComparer.Ordinal);
        Shown = [.. _own.Concat(_others.Where(o => !own.Contains(sensorOf(o)))).OrderBy(sensorOf, StringComparer.Ordinal)];
    }
}
