namespace Surgewatch.Core.Monitoring;

/// <summary>The port through which <see cref="ZoneMonitor"/>'s alert statuses survive a restart.</summary>
public interface IAlertSnapshotStore
{
    /// <summary>Replaces every stored snapshot with <paramref name="snapshots"/>, in one transaction.</summary>
    Task ReplaceAlertSnapshotsAsync(IReadOnlyList<AlertSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored snapshots of <paramref name="subjects"/> (every snapshot whose subject is one of them) with
    /// <paramref name="snapshots"/>, in one transaction; other subjects' snapshots stay. A node of a cluster writes the
    /// zones it holds this way, so that it never overwrites the zones another node holds.
    /// </summary>
    /// <exception cref="ArgumentException">A snapshot's subject is not one of <paramref name="subjects"/>.</exception>
    Task ReplaceAlertSnapshotsOfAsync(IReadOnlyCollection<string> subjects, IReadOnlyList<AlertSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>The stored snapshots, ordered by alert key.</summary>
    Task<IReadOnlyList<AlertSnapshot>> LoadAlertSnapshotsAsync(CancellationToken cancellationToken = default);
}
