using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Surgewatch.Cluster;

/// <summary>
/// How soon the membership declares a silent node dead, which is most of the failover time: each silo is probed by
/// others every <see cref="ProbeTimeout"/>, and after <see cref="MissedProbesLimit"/> missed probes in a row (plus an
/// indirect probe through another silo, and the votes of two silos) it is declared dead and its zones activated
/// elsewhere. Orleans' defaults are 5 s × 3; Surgewatch uses 2 s × 3 (a node silent for about 6 s), which
/// bench/cluster-failover.sh measured within the 10 s target (docs/benchmarks/history/cluster.md says why this is safe
/// enough and what it costs). Settings <c>Surgewatch:Cluster:ProbeTimeout</c> and <c>Surgewatch:Cluster:MissedProbesLimit</c>.
/// </summary>
/// <param name="ProbeTimeout">How long a probe waits for its answer, and how often a silo is probed.</param>
/// <param name="MissedProbesLimit">How many probes in a row a silo may miss before it is suspected.</param>
/// <remarks>
/// Once a node is declared dead, its zones are activated elsewhere at the next zone sweep, every
/// <see cref="SweepInterval"/> (<c>Surgewatch:Cluster:SweepInterval</c>, 2 s): a longer one costs a little less CPU (each
/// node asks every silo what it holds at each sweep) and hands the zones over later. Readings posted to one node reach
/// the others through the readings relay; each node still reads its zones' readings back from the store every
/// <see cref="ReadBackEvery"/> (<c>Surgewatch:Cluster:ReadBackEvery</c>, 1 min), for any a relay dropped.
/// Each node writes that it is alive to the membership table every <see cref="AliveEvery"/>
/// (<c>Surgewatch:Cluster:AliveEvery</c>, 10 s): a node that wrote nothing for twice that no longer counts among the
/// voters, so when two of three nodes die at once the survivor's own vote declares them dead (Orleans' 30 s made that
/// about 75 s; bench/cluster-two-down.sh).
/// </remarks>
public sealed record MembershipTiming(TimeSpan ProbeTimeout, int MissedProbesLimit)
{
    /// <summary>How often a node surveys which silo holds each zone (see ZoneSweep).</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often a node reads its zones' readings back from the store, for those the relay dropped (see ReadingsRelay;
    /// readings posted to another node reach it through the relay within a second).
    /// </summary>
    public TimeSpan ReadBackEvery { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a node writes its heartbeat to the membership table (Orleans' <c>IAmAliveTablePublishTimeout</c>).</summary>
    public TimeSpan AliveEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The configuration section of these settings.</summary>
    public const string Section = "Surgewatch:Cluster";

    /// <summary>Surgewatch's settings: 2 s × 3.</summary>
    public static readonly MembershipTiming Default = new(TimeSpan.FromSeconds(2), 3);

    /// <summary>The settings in <paramref name="configuration"/>'s <see cref="Section"/>, each defaulting to <see cref="Default"/>'s.</summary>
    /// <exception cref="FormatException">A setting is not a time span or a whole number, or is out of its range.</exception>
    public static MembershipTiming From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var timeout = Parse(section, nameof(ProbeTimeout), Default.ProbeTimeout, TimeSpan.TryParse, t => t >= TimeSpan.FromSeconds(1) && t <= TimeSpan.FromMinutes(1), "a time span from 00:00:01 to 00:01:00");
        var missed = Parse(section, nameof(MissedProbesLimit), Default.MissedProbesLimit, int.TryParse, n => n is >= 1 and <= 10, "a whole number from 1 to 10");
        var sweep = Parse(section, nameof(SweepInterval), Default.SweepInterval, TimeSpan.TryParse, t => t >= TimeSpan.FromSeconds(1) && t <= TimeSpan.FromMinutes(1), "a time span from 00:00:01 to 00:01:00");
        var readBack = Parse(section, nameof(ReadBackEvery), Default.ReadBackEvery, TimeSpan.TryParse, t => t >= TimeSpan.FromSeconds(5) && t <= TimeSpan.FromHours(1), "a time span from 00:00:05 to 01:00:00");
        var alive = Parse(section, nameof(AliveEvery), Default.AliveEvery, TimeSpan.TryParse, t => t >= TimeSpan.FromSeconds(2) && t <= TimeSpan.FromMinutes(5), "a time span from 00:00:02 to 00:05:00");
        return new MembershipTiming(timeout, missed) { SweepInterval = sweep, ReadBackEvery = readBack, AliveEvery = alive };
    }

    /// <summary>Sets Orleans' options.</summary>
    public void ApplyTo(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = MissedProbesLimit;
        options.IAmAliveTablePublishTimeout = AliveEvery;
    }

    private delegate bool TryParser<T>(string text, out T value);

    private static T Parse<T>(IConfigurationSection section, string key, T fallback, TryParser<T> parse, Func<T, bool> valid, string expected)
    {
        if (section[key] is not { } text)
        {
            return fallback;
        }

        return parse(text, out var value) && valid(value)
            ? value
            : throw new FormatException($"{Section}:{key} must be {expected}, not '{text}'.");
    }
}
