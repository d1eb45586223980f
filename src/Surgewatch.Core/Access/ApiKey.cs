namespace Surgewatch.Core.Access;

/// <summary>
/// A stored API key. Only a hash of its secret is kept: the secret itself is shown once, when the key is made,
/// and cannot be recovered from the store.
/// </summary>
/// <param name="Id">The public part of the key, by which it is looked up (not secret; safe to log).</param>
/// <param name="Name">What the key is for, as its creator described it.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="SecretHash">The SHA-256 hash of the key's secret part.</param>
/// <param name="CreatedAt">When the key was made.</param>
/// <param name="LastUsedAt">When the key was last presented and accepted, to the minute; null when never.</param>
/// <param name="RevokedAt">When the key was revoked; null while it is active. A revoked key is refused, and kept for the record.</param>
public sealed record ApiKey(
    string Id, string Name, ApiKeyRole Role, byte[] SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt = null, DateTimeOffset? RevokedAt = null)
{
    /// <summary>Whether the key is still accepted.</summary>
    public bool IsActive => RevokedAt is null;

    /// <summary>Whether this key is active and has at least the rights of <paramref name="required"/>.</summary>
    public bool Grants(ApiKeyRole required) => IsActive && Role >= required;
}
