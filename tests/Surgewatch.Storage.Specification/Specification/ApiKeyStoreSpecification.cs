using System.Security.Cryptography;
using Surgewatch.Core.Access;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>What every <see cref="IApiKeyStore"/> adapter must do; derive and supply <see cref="CreateStore"/>.</summary>
public abstract class ApiKeyStoreSpecification
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private IApiKeyStore? _store;

    protected IApiKeyStore Store => _store ??= CreateStore();

    /// <summary>Creates a new, empty store.</summary>
    protected abstract IApiKeyStore CreateStore();

    [StoreFact]
    public async Task CountApiKeysAsync_NewStore_IsZero()
    {
        (await Store.CountApiKeysAsync()).Should().Be(0);
    }

    [StoreFact]
    public async Task FindApiKeyAsync_AddedKey_ComesBackWhole()
    {
        var key = Key("k1", ApiKeyRole.Operator);
        await Store.AddApiKeyAsync(key);

        var found = await Store.FindApiKeyAsync("k1");

        found.Should().NotBeNull();
        found!.Should().BeEquivalentTo(key);
        (await Store.CountApiKeysAsync()).Should().Be(1);
    }

    [StoreFact]
    public async Task FindApiKeyAsync_UnknownId_IsNull()
    {
        await Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Ingest));

        (await Store.FindApiKeyAsync("k2")).Should().BeNull();
    }

    [StoreFact]
    public async Task AddApiKeyAsync_SameIdTwice_ThrowsAndKeepsTheFirst()
    {
        await Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Ingest));

        var act = () => Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Admin));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*'k1' already exists*");
        (await Store.FindApiKeyAsync("k1"))!.Role.Should().Be(ApiKeyRole.Ingest);
    }

    [StoreFact]
    public async Task AddApiKeyAsync_HashOfWrongLength_Throws()
    {
        var act = () => Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Ingest) with { SecretHash = new byte[5] });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*32-byte SHA-256*");
    }

    [StoreFact]
    public async Task ListApiKeysAsync_SeveralKeys_ListsAllOldestFirst()
    {
        await Store.AddApiKeyAsync(Key("b", ApiKeyRole.Admin) with { CreatedAt = T0.AddHours(1) });
        await Store.AddApiKeyAsync(Key("a", ApiKeyRole.Ingest));

        (await Store.ListApiKeysAsync()).Select(k => k.Id).Should().Equal("a", "b");
    }

    [StoreFact]
    public async Task RevokeApiKeyAsync_ActiveKey_StampsItAndKeepsItListed()
    {
        await Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Operator));

        (await Store.RevokeApiKeyAsync("k1", T0.AddDays(1))).Should().BeTrue();

        var found = await Store.FindApiKeyAsync("k1");
        found!.RevokedAt.Should().Be(T0.AddDays(1));
        found.IsActive.Should().BeFalse();
        found.Grants(ApiKeyRole.Ingest).Should().BeFalse();
        (await Store.ListApiKeysAsync()).Should().ContainSingle();
    }

    [StoreFact]
    public async Task RevokeApiKeyAsync_UnknownOrAlreadyRevoked_IsFalse()
    {
        await Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Ingest));
        await Store.RevokeApiKeyAsync("k1", T0.AddDays(1));

        (await Store.RevokeApiKeyAsync("k1", T0.AddDays(2))).Should().BeFalse();
        (await Store.RevokeApiKeyAsync("nope", T0.AddDays(2))).Should().BeFalse();
        (await Store.FindApiKeyAsync("k1"))!.RevokedAt.Should().Be(T0.AddDays(1));
    }

    [StoreFact]
    public async Task RevokeApiKeyAsync_LastActiveAdmin_ThrowsAndKeepsIt()
    {
        await Store.AddApiKeyAsync(Key("admin-1", ApiKeyRole.Admin));
        await Store.AddApiKeyAsync(Key("admin-2", ApiKeyRole.Admin));
        await Store.RevokeApiKeyAsync("admin-1", T0.AddDays(1));

        var act = () => Store.RevokeApiKeyAsync("admin-2", T0.AddDays(1));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*last active admin key*");
        (await Store.FindApiKeyAsync("admin-2"))!.IsActive.Should().BeTrue();
    }

    [StoreFact]
    public async Task MarkApiKeyUsedAsync_Key_RecordsTheTime()
    {
        await Store.AddApiKeyAsync(Key("k1", ApiKeyRole.Ingest));

        await Store.MarkApiKeyUsedAsync("k1", T0.AddMinutes(5));

        (await Store.FindApiKeyAsync("k1"))!.LastUsedAt.Should().Be(T0.AddMinutes(5));
    }

    private static ApiKey Key(string id, ApiKeyRole role) =>
        new(id, "gateway " + id, role, SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("secret " + id)), T0);
}
