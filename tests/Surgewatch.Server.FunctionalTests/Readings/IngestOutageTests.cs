using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;
using Surgewatch.Storage.Postgres;
using Surgewatch.Tests.Postgres;

namespace Surgewatch.Server.FunctionalTests.Readings;

/// <summary>The server over PostgreSQL while the database goes away and comes back.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IngestOutageTests(PostgresServer postgres) : IDisposable
{
    private readonly List<string> _databases = [];

    [RequiresPostgresFact]
    public async Task PostReadings_WhilePostgresIsDown_Answers503WithRetryAfterAndRecoversWhenItComesBack()
    {
        var address = NewDatabase();
        using var host = new PostgresHost(address);
        using var client = host.ClientWithKey(ServerFixture.AdminKey);
        (await client.PostAsync("/api/v1/readings", Bodies.HourlyJson("before", 3))).StatusCode.Should().Be(HttpStatusCode.OK);

        postgres.Pause();
        HttpResponseMessage down;
        try
        {
            down = await client.PostAsync("/api/v1/readings", Bodies.HourlyJson("during", 4));
        }
        finally
        {
            postgres.Resume();
        }

        down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, await down.Content.ReadAsStringAsync());
        down.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(StoreUnavailableHandler.RetrySeconds));
        var again = await RetryAsync(() => client.PostAsync("/api/v1/readings", Bodies.HourlyJson("during", 4)));
        again.StatusCode.Should().Be(HttpStatusCode.OK, "the node reconnects by itself once the database is back");
        await using var store = await PostgresStore.OpenAsync(address);
        (await store.CountObservationsAsync()).Should().Be(7, "what was acknowledged before the outage is kept and the resent batch lands");
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            postgres.DropDatabase(database);
        }
    }

    // A client honouring Retry-After, compressed: a pooled connection cut by the outage may fail one more request.
    private static async Task<HttpResponseMessage> RetryAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20)
            {
                return response;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private string NewDatabase()
    {
        var database = postgres.CreateEmptyDatabase();
        _databases.Add(database);
        return postgres.Uri(database);
    }

    /// <summary>The in-memory server with PostgreSQL as its store, registered as `serve --db postgresql://…` does.</summary>
    private sealed class PostgresHost(string address) : ServerFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            [$"{ServerOptions.Section}:{nameof(ServerOptions.Database)}"] = address,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSurgewatchPostgres(address));
        }
    }
}
