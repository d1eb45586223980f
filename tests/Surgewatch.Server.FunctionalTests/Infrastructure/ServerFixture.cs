using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Surgewatch.Server.Hosting;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>
/// Hosts the server in memory over a fresh temporary SQLite file, with a known bootstrap admin key.
/// <see cref="Configure"/> lets a test class change settings before the first request.
/// </summary>
public class ServerFixture : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdefghijklmnop";

    private readonly string _folder;

    public ServerFixture()
        : this(null)
    {
    }

    /// <summary>A host over <paramref name="databasePath"/> (a restart of an earlier host), or over a fresh file when null.</summary>
    protected ServerFixture(string? databasePath)
    {
        _folder = databasePath is null
            ? Path.Combine(Path.GetTempPath(), "surgewatch-server-tests", Guid.NewGuid().ToString("N"))
            : Path.GetDirectoryName(databasePath)!;
        Directory.CreateDirectory(_folder);
        DatabasePath = databasePath ?? Path.Combine(_folder, "store.db");
    }

    /// <summary>Whether disposing keeps the store file (for a restart on the same file).</summary>
    public bool KeepFiles { get; set; }

    public string DatabasePath { get; }

    public CapturedLogs Logs { get; } = new();

    public List<string> AnnouncedKeys { get; } = [];

    /// <summary>Settings (configuration keys and values) for the host; override to change them.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.Database)}"] = DatabasePath,
        [ServerOptions.BootstrapKeyVariable] = AdminKey,
    };

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Opens the store file directly, to check what the server wrote.</summary>
    public SqliteStore OpenStore() => SqliteStore.Open(DatabasePath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.ConfigureServices(services => services.Configure<ServerOptions>(o => o.AnnounceGeneratedKey = AnnouncedKeys.Add));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (disposing && !KeepFiles && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
