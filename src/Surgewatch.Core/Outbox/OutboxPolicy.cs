namespace Surgewatch.Core.Outbox;

/// <summary>
/// How a sender works the outbox: the lease of a claim, how many entries it claims at once, and the back-off and
/// number of delivery rounds before a notification that keeps failing is given up. Pure: every time is passed in.
/// </summary>
/// <param name="Lease">How long a claim holds; longer than one delivery round can take (the channel's own retries included).</param>
/// <param name="BatchSize">Entries claimed at once.</param>
/// <param name="FirstRetry">The wait after the first failed round; it doubles each round.</param>
/// <param name="MaxRetry">The longest wait between rounds.</param>
/// <param name="MaxRounds">Delivery rounds (claims) before a notification is given up.</param>
public sealed record OutboxPolicy(TimeSpan Lease, int BatchSize, TimeSpan FirstRetry, TimeSpan MaxRetry, int MaxRounds)
{
    /// <summary>A two-minute lease, 16 at a time, rounds 30 s apart doubling to 10 min, given up after 8 rounds (about 40 min).</summary>
    public static OutboxPolicy Default { get; } = new(TimeSpan.FromMinutes(2), 16, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), 8);

    /// <summary>The claim a sender named <paramref name="claimant"/> makes at <paramref name="now"/>.</summary>
    public OutboxClaim Claim(string claimant, DateTimeOffset now) => new OutboxClaim(claimant, now, Lease, BatchSize).Validated();

    /// <summary>Whether an entry whose round number <paramref name="claims"/> just failed is given up instead of tried again.</summary>
    public bool GivesUp(int claims) => claims >= MaxRounds;

    /// <summary>When an entry whose round number <paramref name="claims"/> failed at <paramref name="now"/> is due again.</summary>
    public DateTimeOffset RetryAt(int claims, DateTimeOffset now)
    {
        var wait = FirstRetry;
        for (var round = 1; round < claims && wait < MaxRetry; round++)
        {
            wait += wait;
        }

        return now + (wait < MaxRetry ? wait : MaxRetry);
    }

    /// <summary>Checks the settings and returns them.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public OutboxPolicy Validated()
    {
        if (Lease <= TimeSpan.Zero || BatchSize < 1 || MaxRounds < 1)
        {
            throw new ArgumentException($"The outbox needs a positive lease, a batch size of at least one and at least one round (got {Lease}, {BatchSize}, {MaxRounds}).", nameof(Lease));
        }

        return FirstRetry > TimeSpan.Zero && MaxRetry >= FirstRetry ? this
            : throw new ArgumentException($"The outbox retry waits need 0 < FirstRetry ≤ MaxRetry (got {FirstRetry}, {MaxRetry}).", nameof(FirstRetry));
    }
}
