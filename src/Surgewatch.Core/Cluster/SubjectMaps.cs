namespace Surgewatch.Core.Cluster;

/// <summary>The maps by step subject that the nodes of a cluster share (alert views, holders), compared by content.</summary>
public static class SubjectMaps
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> hold the same subjects with the same (ordinal) texts.</summary>
    public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ReferenceEquals(a, b)
            || (a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var text) && string.Equals(text, e.Value, StringComparison.Ordinal)));
    }
}
