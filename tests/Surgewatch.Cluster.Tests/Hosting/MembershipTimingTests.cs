using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Surgewatch.Cluster.Tests.Hosting;

public sealed class MembershipTimingTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"{MembershipTiming.Section}:{s.Key}", s.Value))).Build();

    [Fact]
    public void From_NothingSet_TwoSecondsTimesThree()
    {
        var timing = MembershipTiming.From(Settings());

        timing.Should().Be(new MembershipTiming(TimeSpan.FromSeconds(2), 3));
        timing.SweepInterval.Should().Be(TimeSpan.FromSeconds(2));
        timing.ReadBackEvery.Should().Be(TimeSpan.FromMinutes(1));
        timing.AliveEvery.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void From_ReadBackEverySet_Taken()
    {
        MembershipTiming.From(Settings(("ReadBackEvery", "00:10:00"))).ReadBackEvery.Should().Be(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void From_AllSet_AppliedToOrleansOptions()
    {
        var options = new ClusterMembershipOptions();

        MembershipTiming.From(Settings(("ProbeTimeout", "00:00:05"), ("MissedProbesLimit", "4"), ("AliveEvery", "00:00:20"))).ApplyTo(options);

        options.ProbeTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.NumMissedProbesLimit.Should().Be(4);
        options.IAmAliveTablePublishTimeout.Should().Be(TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("ProbeTimeout", "5s")]
    [InlineData("ProbeTimeout", "00:00:00.500")]
    [InlineData("MissedProbesLimit", "0")]
    [InlineData("MissedProbesLimit", "three")]
    [InlineData("SweepInterval", "00:05:00")]
    [InlineData("ReadBackEvery", "00:00:01")]
    [InlineData("ReadBackEvery", "02:00:00")]
    [InlineData("AliveEvery", "00:00:01")]
    [InlineData("AliveEvery", "00:10:00")]
    public void From_BadValue_NamesTheSetting(string key, string value)
    {
        var act = () => MembershipTiming.From(Settings((key, value)));

        act.Should().Throw<FormatException>().WithMessage($"*Surgewatch:Cluster:{key}*'{value}'*");
    }
}
