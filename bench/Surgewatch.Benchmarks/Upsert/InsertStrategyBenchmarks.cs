using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Surgewatch.Benchmarks.Upsert;

/// <summary>
/// Why the store's hot path looks the way it does: the same rows upserted into the same readings table
/// (PRIMARY KEY (sensor, label) WITHOUT ROWID, WAL, the store's pragmas) through ADO.NET parameters or the
/// C API, one or 256 rows per statement, in arrival order (time, then sensor) or in key order.
/// </summary>
[Config(typeof(MonitoringConfig))]
[MemoryDiagnoser]
public class InsertStrategyBenchmarks
{
    private const int Sensors = 35;
    private const int Batch = 256;
    private const string Upsert = " ON CONFLICT (sensor, label) DO UPDATE SET value = excluded.value WHERE readings.value IS NOT excluded.value";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"surgewatch-strategies-{Guid.NewGuid():N}.db");
    private long[] _sensor = [], _label = [], _sensorByKey = [], _labelByKey = [];
    private double[] _value = [], _valueByKey = [];
    private SqliteConnection? _connection;

    [Params(204_800)] // a multiple of 256, so every variant writes every row
    public int Rows { get; set; }

    [GlobalSetup]
    public void BuildRows()
    {
        (_sensor, _label, _value) = (new long[Rows], new long[Rows], new double[Rows]);
        for (var i = 0; i < Rows; i++)
        {
            (_sensor[i], _label[i], _value[i]) = (1 + (i % Sensors), 1_400_000_000 + (3600L * (i / Sensors)), (i * 31) % 977);
        }

        var order = Enumerable.Range(0, Rows).OrderBy(i => _sensor[i]).ThenBy(i => _label[i]).ToArray();
        _sensorByKey = order.Select(i => _sensor[i]).ToArray();
        _labelByKey = order.Select(i => _label[i]).ToArray();
        _valueByKey = order.Select(i => _value[i]).ToArray();
    }

    [IterationSetup]
    public void CreateTable()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        _connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
        Execute("CREATE TABLE readings (sensor INTEGER NOT NULL, label INTEGER NOT NULL, value REAL NOT NULL, PRIMARY KEY (sensor, label)) WITHOUT ROWID");
    }

    [IterationCleanup]
    public void Close() => _connection?.Dispose();

    [Benchmark]
    public int AdoNetOneRowPerStatement() => AdoNet(1, _sensor, _label, _value);

    [Benchmark]
    public int AdoNet256RowsPerStatement() => AdoNet(Batch, _sensor, _label, _value);

    [Benchmark]
    public int CApiOneRowPerStatementKeyOrder() => CApi(1, _sensorByKey, _labelByKey, _valueByKey);

    [Benchmark]
    public int CApi256RowsPerStatementArrivalOrder() => CApi(Batch, _sensor, _label, _value);

    [Benchmark(Baseline = true)]
    public int CApi256RowsPerStatementKeyOrder() => CApi(Batch, _sensorByKey, _labelByKey, _valueByKey);

    private int AdoNet(int perStatement, long[] sensor, long[] label, double[] value)
    {
        using var transaction = _connection!.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql(perStatement, i => $"($s{i},$t{i},$v{i})");
        var parameters = new SqliteParameter[perStatement * 3];
        for (var i = 0; i < perStatement; i++)
        {
            parameters[3 * i] = command.Parameters.Add($"$s{i}", SqliteType.Integer);
            parameters[(3 * i) + 1] = command.Parameters.Add($"$t{i}", SqliteType.Integer);
            parameters[(3 * i) + 2] = command.Parameters.Add($"$v{i}", SqliteType.Real);
        }

        command.Prepare();
        var changed = 0;
        for (var row = 0; row + perStatement <= Rows; row += perStatement)
        {
            for (var i = 0; i < perStatement; i++)
            {
                (parameters[3 * i].Value, parameters[(3 * i) + 1].Value, parameters[(3 * i) + 2].Value) = (sensor[row + i], label[row + i], value[row + i]);
            }

            changed += command.ExecuteNonQuery();
        }

        transaction.Commit();
        return changed;
    }

    private int CApi(int perStatement, long[] sensor, long[] label, double[] value)
    {
        using var transaction = _connection!.BeginTransaction();
        var db = _connection.Handle!;
        raw.sqlite3_prepare_v2(db, Sql(perStatement, _ => "(?,?,?)"), out var statement);
        using (statement)
        {
            var changed = 0;
            for (var row = 0; row + perStatement <= Rows; row += perStatement)
            {
                for (var i = 0; i < perStatement; i++)
                {
                    raw.sqlite3_bind_int64(statement, (3 * i) + 1, sensor[row + i]);
                    raw.sqlite3_bind_int64(statement, (3 * i) + 2, label[row + i]);
                    raw.sqlite3_bind_double(statement, (3 * i) + 3, value[row + i]);
                }

                if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
                {
                    throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
                }

                raw.sqlite3_reset(statement);
                changed += raw.sqlite3_changes(db);
            }

            transaction.Commit();
            return changed;
        }
    }

    private static string Sql(int rows, Func<int, string> tuple)
    {
        var sql = new StringBuilder("INSERT INTO readings (sensor, label, value) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? string.Empty : ",").Append(tuple(i));
        }

        return sql.Append(Upsert).ToString();
    }

    private void Execute(string sql)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
