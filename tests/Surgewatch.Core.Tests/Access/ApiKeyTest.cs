using Surgewatch.Core.Access;

namespace Surgewatch.Core.Tests.Access;

public sealed class ApiKeyTest
{
    [Theory]
    [InlineData(ApiKeyRole.Ingest, ApiKeyRole.Ingest, true)]
    [InlineData(ApiKeyRole.Ingest, ApiKeyRole.Operator, false)]
    [InlineData(ApiKeyRole.Ingest, ApiKeyRole.Admin, false)]
    [InlineData(ApiKeyRole.Operator, ApiKeyRole.Ingest, true)]
    [InlineData(ApiKeyRole.Operator, ApiKeyRole.Admin, false)]
    [InlineData(ApiKeyRole.Admin, ApiKeyRole.Operator, true)]
    [InlineData(ApiKeyRole.Admin, ApiKeyRole.Admin, true)]
    public void Grants_RoleAgainstRequired_HigherRolesIncludeLowerOnes(ApiKeyRole role, ApiKeyRole required, bool expected)
    {
        var key = new ApiKey("id", "name", role, new byte[32], DateTimeOffset.UnixEpoch);

        key.Grants(required).Should().Be(expected);
    }

    [Fact]
    public void ToString_Always_DoesNotSpellOutTheHash()
    {
        var key = new ApiKey("id", "name", ApiKeyRole.Admin, [0xAB, 0xCD], DateTimeOffset.UnixEpoch);

        key.ToString().Should().NotContain("AB").And.NotContain("171");
    }
}
