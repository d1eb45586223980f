namespace Surgewatch.Cluster.Tests.Hosting;

public sealed class ClusterSettingsTests
{
    [Theory]
    [InlineData("redis://127.0.0.1:6390", "127.0.0.1:6390")]
    [InlineData("redis://cache.example:6379/", "cache.example:6379")]
    [InlineData("redis://cache.example", "cache.example:6379")]
    public void ParseRedis_RedisUrl_HostAndPort(string url, string expected) =>
        ClusterSettings.ParseRedis(url).Should().Be(expected);

    [Theory]
    [InlineData("127.0.0.1:6379")]
    [InlineData("http://127.0.0.1:6379")]
    [InlineData("redis://127.0.0.1:6379/2")]
    public void ParseRedis_NotARedisUrl_ThrowsFormatExceptionNamingIt(string url) =>
        FluentActions.Invoking(() => ClusterSettings.ParseRedis(url)).Should().Throw<FormatException>().WithMessage($"*'{url}'*");
}
