using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Surgewatch.Server.Auth;

/// <summary>
/// Makes and hashes key secrets. A key's public id is derived from its hash, so that any high-entropy string
/// (such as a bootstrap key from the environment) works as a key and the store is searched by id, then
/// the full hash compared in constant time.
/// </summary>
internal static class ApiKeySecrets
{
    /// <summary>The shortest key accepted; generated keys are much longer.</summary>
    public const int MinLength = 24;

    private const int IdBytes = 8;

    /// <summary>The least entropy, in bits, a key chosen by a person (the bootstrap key) must carry by its character counts.</summary>
    public const double MinBits = 96;

    /// <summary>The fewest distinct characters such a key may use.</summary>
    public const int MinDistinct = 10;

    /// <summary>
    /// Whether <paramref name="key"/> looks random enough to guard an admin account: at least
    /// <see cref="MinLength"/> characters, <see cref="MinDistinct"/> distinct ones, and an empirical entropy
    /// (length times the Shannon entropy of its character frequencies) of at least <see cref="MinBits"/> bits. Refuses
    /// repeated characters and short alphabets (<c>aaaa…</c>, <c>abcabc…</c>, <c>0101…</c>); accepts
    /// <c>openssl rand -base64 32</c> and <c>openssl rand -hex 24</c>.
    /// </summary>
    public static bool IsStrongEnough(string key, out string problem)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in key)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var bits = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / key.Length;
            bits -= count * Math.Log2(p);
        }

        problem = key.Length < MinLength ? $"it has {key.Length} characters; it needs at least {MinLength}"
            : counts.Count < MinDistinct ? $"it uses only {counts.Count} distinct characters; it needs at least {MinDistinct}"
            : bits < MinBits ? $"its characters carry about {bits:0} bits of entropy; it needs at least {MinBits:0}"
            : string.Empty;
        return problem.Length == 0;
    }

    public static string Generate() => "sw_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string IdOf(byte[] hash) => Convert.ToHexStringLower(hash, 0, IdBytes);

    public static bool Matches(byte[] presentedHash, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);
}
