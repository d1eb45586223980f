using Surgewatch.LoadTest;

// Loopback load tests of a running `surgewatch serve`:
//   ingest URL KEY [connections=8] [batches=2000] [format=ndjson|json] [client=socket|httpclient]   readings/s and request latency percentiles
//   store DB_PATH [writers=8] [batches=2000]                            the same batches straight into SqliteStore (no HTTP)
//   alert-latency URL ADMIN_KEY [rate=10000] [crossings=40]              reading crossing a level -> SignalR alert, while ingesting at rate/s
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ingest URL KEY [connections] [batches] [format] [client] | alert-latency URL ADMIN_KEY [rate] [crossings]");
    return 2;
}

return args[0] switch
{
    "ingest" => await IngestLoad.RunAsync(args[1], args[2], Arg(args, 3, 8), Arg(args, 4, 2000), args.Length > 5 ? args[5] : "ndjson", args.Length > 6 ? args[6] : "socket"),
    "store" => await StoreLoad.RunAsync(args[1], Arg(args, 2, 8), Arg(args, 3, 2000)),
    "alert-latency" => await AlertLatency.RunAsync(args[1], args[2], Arg(args, 3, 10_000), Arg(args, 4, 40)),
    _ => 2,
};

static int Arg(string[] args, int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
