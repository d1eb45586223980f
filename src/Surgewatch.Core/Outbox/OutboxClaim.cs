namespace Surgewatch.Core.Outbox;

/// <summary>A sender's request for due outbox entries.</summary>
/// <param name="Claimant">Who claims: a name unique to one running sender (node and process), kept with each claimed entry.</param>
/// <param name="Now">The present: entries due at or before it, and claims whose lease ended at or before it, qualify.</param>
/// <param name="Lease">How long the claim holds; longer than a delivery can take, or another sender may send the entry too.</param>
/// <param name="Limit">The most entries to claim at once.</param>
public sealed record OutboxClaim(string Claimant, DateTimeOffset Now, TimeSpan Lease, int Limit)
{
    /// <summary>When the claim ends.</summary>
    public DateTimeOffset LeaseUntil => Now + Lease;

    /// <summary>Checks the request and returns it; every store adapter calls this before it claims.</summary>
    /// <exception cref="ArgumentException">No claimant, a lease that is not positive, or a limit below one.</exception>
    public OutboxClaim Validated()
    {
        if (string.IsNullOrWhiteSpace(Claimant))
        {
            throw new ArgumentException("An outbox claim needs a claimant: a name unique to the sending node and process.", nameof(Claimant));
        }

        if (Lease <= TimeSpan.Zero || Limit < 1)
        {
            throw new ArgumentException($"An outbox claim needs a positive lease and a limit of at least one (got {Lease}, {Limit}).", nameof(Lease));
        }

        return this;
    }
}
