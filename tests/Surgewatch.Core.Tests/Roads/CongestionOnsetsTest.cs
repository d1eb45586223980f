using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Roads;

public sealed class CongestionOnsetsTest
{
    private static readonly TimeSpan Five = TimeSpan.FromMinutes(5);

    /// <summary>Speeds on a 60 mph road from a pattern: '.' free (60), 's' slowing (40), 'c' congested (30), 'j' jammed (10), '0' an outage (0), '?' a gap.</summary>
    private static double[] Road(string pattern) => [.. pattern.Select(c => c switch
    {
        '.' => 60.0,
        's' => 40.0,
        'c' => 30.0,
        'j' => 10.0,
        '0' => 0.0,
        _ => Missing.Value,
    })];

    private static IReadOnlyList<int> Onsets(string pattern) =>
        CongestionOnsets.Find(Road(pattern), Five, 60, CongestionLadder.Default, OnsetOptions.Default);

    [Theory]
    [InlineData("......ccc", new[] { 6 })] // 30 min free, then 15 min congested
    [InlineData("......cjc....", new[] { 6 })] // jammed is congested too
    [InlineData("ssssssccc", new[] { 6 })] // slowing is not congested
    [InlineData(".....ccc", new int[0])] // only 25 min free before
    [InlineData("......cc.", new int[0])] // only 10 min congested
    [InlineData("......cc", new int[0])] // the data ends before 15 min
    [InlineData("......c0c", new int[0])] // an outage breaks the run
    [InlineData("...0......ccc", new[] { 10 })] // an outage 35 min before is fine
    [InlineData("...0..ccc", new int[0])] // an outage within the quiet time spoils it
    [InlineData("......000000000", new int[0])] // zeros are an outage, never a jam
    [InlineData("......???ccc", new int[0])] // a congestion that began during a gap has no known onset
    [InlineData("......cccccc......ccc", new[] { 6, 18 })] // two onsets, 30 min apart
    [InlineData("......cccccc.....ccc", new[] { 6 })] // 25 min free between: one congestion
    [InlineData("......cc......ccc", new[] { 14 })] // a short blip is congested time: the quiet time starts after it
    public void Find_Pattern_GivesTheOnsets(string pattern, int[] expected) =>
        Onsets(pattern).Should().Equal(expected);

    [Fact]
    public void Find_HourlySteps_CountsDurationsNotSlots()
    {
        // At 1 h, 15 min is one slot and 30 min one slot.
        var onsets = CongestionOnsets.Find(Road(".c.cc"), TimeSpan.FromHours(1), 60, CongestionLadder.Default, OnsetOptions.Default);

        onsets.Should().Equal(1, 3);
    }

    private static readonly Arbitrary<string> Patterns = Gen.Choose(0, 200)
        .SelectMany(n => Gen.ListOf(Gen.Elements('.', 's', 'c', 'j', '0', '?'), n), (_, chars) => new string([.. chars])).ToArbitrary();

    [Property]
    public Property Find_AnySpeeds_OnsetsAreCongestedRunsAfterKnownQuietTimeAndFarApart() =>
        Prop.ForAll(Patterns, pattern =>
        {
            var onsets = Onsets(pattern);
            var ok = true;
            for (var n = 0; n < onsets.Count; n++)
            {
                var i = onsets[n];
                ok &= i >= 6 && i + 3 <= pattern.Length;
                ok &= pattern.Substring(i, 3).All(c => c is 'c' or 'j');
                ok &= pattern.Substring(i - 6, 6).All(c => c is '.' or 's');
                ok &= n == 0 || i - onsets[n - 1] >= 3 + 6;
            }

            return ok;
        });

    [Property]
    public Property Find_AnySpeeds_ScaledWithTheirFreeFlowGiveTheSameOnsets() =>
        Prop.ForAll(Patterns, Gen.Choose(1, 20).Select(k => k / 4.0).ToArbitrary(), (pattern, scale) =>
        {
            var speeds = Road(pattern).Select(v => v * scale).ToArray();
            var scaled = CongestionOnsets.Find(speeds, Five, 60 * scale, CongestionLadder.Default, OnsetOptions.Default);
            return scaled.SequenceEqual(Onsets(pattern));
        });

    [Property]
    public Property Find_AnySpeeds_EveryCongestedRunOf15MinAfterKnownQuietTimeIsFound() =>
        Prop.ForAll(Patterns, pattern =>
        {
            var onsets = Onsets(pattern).ToHashSet();
            for (var i = 6; i + 3 <= pattern.Length; i++)
            {
                var qualifies = pattern.Substring(i, 3).All(c => c is 'c' or 'j') && pattern.Substring(i - 6, 6).All(c => c is '.' or 's');
                if (qualifies != onsets.Contains(i))
                {
                    return false;
                }
            }

            return true;
        });
}
