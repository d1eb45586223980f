using BenchmarkDotNet.Running;
using Surgewatch.Benchmarks.Forecasting;
using Surgewatch.Benchmarks.Ingest;
using Surgewatch.Benchmarks.Live;

// `ingest-vs-sqlite3 …` runs the bulk-ingest comparison on a real file (bench/ingest-vs-sqlite3.sh);
// `zone-forecasts` backtests the zone forecasts built from the deployed model's source forecasts against the seasonal
// band on the synthetic city's zones (docs/benchmarks/history/zone-forecasts.md);
// anything else goes to BenchmarkDotNet (for example `--filter *Upsert*`; `--filter *Live*` also prints the live step's
// amortised cost per second, issue 16).
if (args.Length > 0 && args[0] == IngestComparison.Command)
{
    return await IngestComparison.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == Surgewatch.Benchmarks.Warnings.LiveWarningsCheck.Command)
{
    return Surgewatch.Benchmarks.Warnings.LiveWarningsCheck.Run(args[1..]);
}

if (args.Length > 0 && args[0] == Surgewatch.Benchmarks.ZoneForecasts.ZoneForecastBacktest.Command)
{
    return Surgewatch.Benchmarks.ZoneForecasts.ZoneForecastBacktest.Run(args[1..]);
}

if (args.Length > 0 && args[0] == ForecastSpeed.Command)
{
    return ForecastSpeed.Run(args[1..]);
}

LiveStepReport.Print(BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args));
return 0;
