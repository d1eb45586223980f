using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Xunit.Abstractions;

namespace Surgewatch.Cli.Tests.Serve;

/// <summary>
/// Issue 15: <c>kill -9</c> during ingest loses no acknowledged reading and leaves no partial batch. Each run starts
/// a real <c>surgewatch serve</c> process on a fresh store, lets concurrent clients post batches, kills the process
/// with SIGKILL at a random moment while requests are in flight, then checks the store file directly and starts
/// <c>serve</c> on it again. Starts processes and takes about a minute, so it runs alone.
/// </summary>
[Collection(ServeProcessCollection.Name)]
[Trait("Category", "StartsProcesses")]
public sealed class ServeKillTest(ITestOutputHelper output)
{
    private const int Runs = 10;
    private const int Clients = 4;
    private const int AttemptsPerRun = 3;

    /// <summary>Set to replay the kill delays of a logged run.</summary>
    private const string SeedVariable = "SURGEWATCH_KILL_SEED";

    [Fact]
    public async Task Serve_KilledDuringIngest_KeepsEveryAcknowledgedBatchWholeAndNoPartialBatch()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } set
            ? int.Parse(set, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay the kill delays with {SeedVariable}={seed})");
        var random = new Random(seed);
        var elapsed = Stopwatch.StartNew();
        var runs = new List<KillRun>();
        for (var run = 1; run <= Runs; run++)
        {
            runs.Add(await KillWithRepliesCutAsync(run, random));
        }

        output.WriteLine(
            $"total over {Runs} runs in {elapsed.Elapsed.TotalSeconds:0.0} s: {runs.Sum(r => r.Posted)} batches posted, "
            + $"{runs.Sum(r => r.Acknowledged)} acknowledged, {runs.Sum(r => r.InFlightAtKill)} in flight at the kill, "
            + $"{runs.Sum(r => r.CutByKill)} cut by it, {runs.Sum(r => r.PostedAfterKill)} posted after it, {runs.Sum(r => r.Stored.Complete)} found complete "
            + $"({runs.Sum(r => r.Stored.CompleteWithoutAcknowledgement)} of them without reply), {runs.Sum(r => r.Stored.Absent)} absent, "
            + $"{runs.Sum(r => r.Stored.Problems.Count)} problems");
        runs.SelectMany(r => r.Stored.Problems).Should().BeEmpty("every acknowledged batch is stored whole and no batch is stored in part");
        runs.Should().OnlyContain(r => r.Acknowledged > 0 && r.InFlightAtKill > 0 && r.CutByKill > 0, "each kill lands after acknowledgements and cuts requests in flight");
    }

    /// <summary>One run; repeated when no request happened to be cut by the kill, since such a run proves little.</summary>
    private async Task<KillRun> KillWithRepliesCutAsync(int run, Random random)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await KillDuringIngestAsync(random);
            output.WriteLine($"run {run}.{attempt}: {result}");
            if (result.CutByKill > 0 || attempt == AttemptsPerRun)
            {
                return result;
            }
        }
    }

    private static async Task<KillRun> KillDuringIngestAsync(Random random)
    {
        using var dir = new TempDirectory();
        var database = dir.File("kill.db");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var delay = TimeSpan.FromMilliseconds(random.Next(0, 1_500));
        var clients = new IngestClients();
        int inFlight;
        await using (var server = await ServeProcess.StartAsync(database, key))
        {
            var load = clients.RunAsync(server.Url, key, Clients, new Random(random.Next()));
            if (await Task.WhenAny(clients.FirstAcknowledged, load).WaitAsync(TimeSpan.FromSeconds(60)) == load)
            {
                await load;
                throw new InvalidOperationException($"The clients ended before any batch was acknowledged:\n{server.Log}");
            }

            await clients.FirstAcknowledged;
            await Task.Delay(delay);
            inFlight = await clients.KillWhileInFlightAsync(server.KillAsync, TimeSpan.FromSeconds(10));
            await load.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var stored = await StoredBatches.CheckAsync(database, clients.Batches);
        long readingsAfterRestart;
        await using (var restarted = await ServeProcess.StartAsync(database, key))
        {
            readingsAfterRestart = restarted.ReadingsAtStart;
        }

        readingsAfterRestart.Should().Be(stored.Readings, "the restarted server reads the same store file");
        return new KillRun(delay, inFlight, clients.Batches, stored);
    }

    private sealed record KillRun(TimeSpan Delay, int InFlightAtKill, IReadOnlyList<TrackedBatch> Batches, StoredBatches Stored)
    {
        public int Posted => Batches.Count;

        public int Acknowledged => Batches.Count(b => b.Outcome == BatchOutcome.Acknowledged);

        /// <summary>Requests sent before the kill that never had a reply.</summary>
        public int CutByKill => Batches.Count(b => b.Outcome == BatchOutcome.NoReply && b.SentBeforeKill);

        /// <summary>The one last request of each client, sent as the kill landed, which found no server.</summary>
        public int PostedAfterKill => Batches.Count(b => !b.SentBeforeKill);

        public override string ToString() =>
            $"killed {Delay.TotalMilliseconds:0} ms after the first acknowledgement: {Posted} posted, {Acknowledged} acknowledged, "
            + $"{InFlightAtKill} in flight at the kill, {CutByKill} cut by it, {PostedAfterKill} posted after it; store: {Stored.Complete} complete "
            + $"({Stored.CompleteWithoutAcknowledgement} without reply), {Stored.Absent} absent, {Stored.Readings} readings, {Stored.Problems.Count} problems";
    }
}
