using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Surgewatch.Storage.Postgres;

namespace Surgewatch.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: <c>initdb</c> into a temporary folder, started by <c>pg_ctl</c> on a free
/// loopback port, stopped and deleted on dispose. PostgreSQL refuses to run as root, so under root (as in CI) the
/// programs run as the <c>postgres</c> user that Debian's package makes, or as <c>nobody</c>. Each test gets a database
/// of its own, copied from a template that already holds the migrated schema. The server starts on first use, so a
/// run whose tests all skip (no PostgreSQL here) starts nothing.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Template = "surgewatch_template";
    private readonly Lock _lock = new();
    private string _folder = string.Empty;
    private string _bin = string.Empty;
    private string? _runAs;
    private int _port;

    public int Port
    {
        get
        {
            EnsureStarted();
            return _port;
        }
    }

    private bool Started { get; set; }

    private void EnsureStarted()
    {
        lock (_lock)
        {
            if (!Started)
            {
                Initialize();
            }
        }
    }

    private void Initialize()
    {
        _bin = PostgresBinaries.Folder ?? throw new InvalidOperationException(PostgresBinaries.InstallHint + " (CI=true: this is a failure, not a skip).");
        _runAs = Environment.UserName == "root" ? (UserExists("postgres") ? "postgres" : "nobody") : null;
        _folder = Path.Combine(Path.GetTempPath(), "surgewatch-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        if (_runAs is not null)
        {
            Run("chown", [_runAs, _folder], asServerUser: false);
        }

        _port = FreePort();
        var data = Path.Combine(_folder, "data");
        Run(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "surgewatch", "--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync"]);
        StartServer();
        Started = true;
        CreateTemplate();
    }

    /// <summary>Stops the server (fast shutdown: connections are cut), as a database outage; <see cref="Resume"/> starts it again on the same port.</summary>
    public void Pause()
    {
        EnsureStarted();
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop"]);
    }

    /// <summary>Starts the server again after <see cref="Pause"/>.</summary>
    public void Resume() => StartServer();

    /// <summary>The connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "surgewatch", Database = database, Pooling = true }.ConnectionString;

    /// <summary>The URI form of <paramref name="database"/>'s address, as <c>--db</c> takes it.</summary>
    public string Uri(string database) => $"postgresql://surgewatch@127.0.0.1:{Port}/{database}";

    /// <summary>Creates a new database holding the migrated, empty schema and returns its name.</summary>
    public string CreateDatabase() => Admin($"CREATE DATABASE {{0}} TEMPLATE {Template}", "t_" + Guid.NewGuid().ToString("N")[..16]);

    /// <summary>Creates a new, empty database (no schema) and returns its name.</summary>
    public string CreateEmptyDatabase() => Admin("CREATE DATABASE {0}", "e_" + Guid.NewGuid().ToString("N")[..16]);

    public void DropDatabase(string name) => Admin("DROP DATABASE IF EXISTS {0} WITH (FORCE)", name);

    public void Dispose()
    {
        if (Started)
        {
            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
            Started = false;
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void StartServer()
    {
        var settings = $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100";
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", settings, "start"]);
    }

    private void CreateTemplate()
    {
        Admin("CREATE DATABASE {0}", Template);
        using (PostgresStore.Open(ConnectionString(Template)))
        {
            // Opening migrates the schema; disposing closes its connections, so the template can be copied.
        }
    }

    private string Admin(string sqlFormat, string name)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sqlFormat, name), connection);
        command.ExecuteNonQuery();
        return name;
    }

    private void Run(string program, string[] arguments, bool asServerUser = true)
    {
        var start = new ProcessStartInfo(asServerUser && _runAs is not null ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServerUser && _runAs is not null)
        {
            foreach (var a in (string[])["-u", _runAs, "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            var serverLog = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error}{output.Result}{serverLog}");
        }
    }

    private static bool UserExists(string user) => File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Every PostgreSQL test class shares one server and runs one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
