namespace Surgewatch.Core.Monitoring;

/// <summary>The check every adapter makes before <see cref="IAlertSnapshotStore.ReplaceAlertSnapshotsOfAsync"/>.</summary>
public static class AlertSnapshotScope
{
    /// <summary>Throws unless every snapshot's subject is one of <paramref name="subjects"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A snapshot's subject is outside <paramref name="subjects"/>.</exception>
    public static void Check(IReadOnlyCollection<string> subjects, IReadOnlyList<AlertSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(snapshots);
        var scope = subjects as IReadOnlySet<string> ?? new HashSet<string>(subjects, StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            if (!scope.Contains(snapshot.Status.Subject))
            {
                throw new ArgumentException($"The snapshot of alert '{snapshot.Status.Key}' is outside the subjects being replaced.", nameof(snapshots));
            }
        }
    }
}
