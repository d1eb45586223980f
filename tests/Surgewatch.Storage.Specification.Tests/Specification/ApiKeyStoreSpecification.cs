using System.Security.Cryptography;
using Surgewatch.Core.Access;

namespace Surgewatch.Storage.Specification.Tests.Specification;

/// <summary>What every <see cref="IApiKeyStore"/> adapter must do; derive and supply <see cref="CreateStore"/>.</summary>
public abstract class ApiKeyStoreSpecification
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private IApiKeyStore? _store;

    protected IApiKeyStore Store => _store ??= CreateStore();

    /// <summary>Creates a new, empty store.</summary>
    protected abstract IApiKeyStore CreateStore();

    [Fact]
    public async Task CountApiKeysAsync_NewStore_IsZero()
    {
        (await Store.CountApiKeysAsync()).Should().Be(0);
    }

    [Fact]
    public async Task FindApiKeyAsync_AddedKey_ComesBackWhole()
    {
        var key = Key("k1", ApiKeyRole.Operator);
        await Store.AddApiKeyAsync(key);

        var found = await Store.FindApiKeyAsync("k1");

        found.Should().NotBeNull();
        found!.Should().BeEquivalentTo(key);
        (await Store.CountApiKeysAsync()).Should().Be(1);
    }

    [Fact]
    public async Task FindApiKeyAsync_UnknownId_IsNull()
    {
        await Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Ingest));

        (await Store.FindApiKeyAsync("k2")).Should().BeNull();
    }

    [Fact]
    public async Task AddApiKeyAsync_SameIdTwice_ThrowsAndKeepsTheFirst()
    {
        await Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Ingest));

        var act = () => Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Admin));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*'k1' already exists*");
        (await Store.FindApiKeyAsync("k1"))!.Role.Should().Be(ApiKeyRole.Ingest);
    }

    [Fact]
    public async Task AddApiKeyAsync_HashOfWrongLength_Throws()
    {
        var act = () => Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Ingest) with { SecretHash = new byte[5] });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*32-byte SHA-256*");
    }

    private static ApiKey Key(string id, ApiKeyRole role) =>
        new(id, "gateway " + id, role, SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("secret " + id)), T0);
}
