namespace Surgewatch.Core.Audit;

/// <summary>The port of the append-only audit log. Entries are never changed or deleted.</summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="entries"/>, in order.</summary>
    Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Entries at or after <paramref name="since"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default);
}
