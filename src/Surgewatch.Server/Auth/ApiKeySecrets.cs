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

    public static string Generate() => "sw_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string IdOf(byte[] hash) => Convert.ToHexStringLower(hash, 0, IdBytes);

    public static bool Matches(byte[] presentedHash, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);
}
