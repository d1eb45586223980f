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
public sealed record ApiKey(string Id, string Name, ApiKeyRole Role, byte[] SecretHash, DateTimeOffset CreatedAt)
{
    /// <summary>Whether this key has at least the rights of <paramref name="required"/>.</summary>
    public bool Grants(ApiKeyRole required) => Role >= required;
}
