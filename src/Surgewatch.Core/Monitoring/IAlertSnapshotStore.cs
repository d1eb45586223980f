namespace Surgewatch.Core.Monitoring;

/// <summary>The port through which <see cref="ZoneMonitor"/>'s alert statuses survive a restart.</summary>
public interface IAlertSnapshotStore
{
    /// <summary>Replaces every stored snapshot with <paramref name="snapshots"/>, in one transaction.</summary>
    Task ReplaceAlertSnapshotsAsync(IReadOnlyList<AlertSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>The stored snapshots, ordered by alert key.</summary>
    Task<IReadOnlyList<AlertSnapshot>> LoadAlertSnapshotsAsync(CancellationToken cancellationToken = default);
}
