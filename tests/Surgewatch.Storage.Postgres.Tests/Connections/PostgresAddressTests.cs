using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Tests.Connections;

public sealed class PostgresAddressTests
{
    [Fact]
    public void Parse_FullUri_TakesUserPasswordHostPortAndDatabase()
    {
        var settings = PostgresAddress.Parse("postgresql://ops:p%40ss@db.example:6543/city");

        (settings.Username, settings.Password, settings.Host, settings.Port, settings.Database).Should().Be(("ops", "p@ss", "db.example", 6543, "city"));
    }

    [Fact]
    public void Parse_UriWithoutPortOrPassword_UsesPort5432()
    {
        var settings = PostgresAddress.Parse("postgres://ops@localhost/city");

        (settings.Port, settings.Password).Should().Be((5432, null));
    }

    [Fact]
    public void Parse_ConnectionString_IsTakenAsIs()
    {
        PostgresAddress.Parse("Host=h;Port=7;Database=d").Database.Should().Be("d");
    }

    [Theory]
    [InlineData("postgresql://ops:secret@host:5432/")]
    [InlineData("postgresql://ops:secret@host:notaport/db")]
    public void Parse_UriWithoutDatabaseOrWithABadPort_RefusesWithoutShowingThePassword(string uri)
    {
        var act = () => PostgresAddress.Parse(uri);

        act.Should().Throw<ArgumentException>().Which.Message.Should().NotContain("secret").And.Contain("postgresql://USER");
    }

    [Fact]
    public void Describe_AnyAddress_LeavesThePasswordOut()
    {
        PostgresAddress.Describe(PostgresAddress.Parse("postgresql://ops:secret@h:1/d")).Should().Be("postgresql://ops@h:1/d");
    }
}
