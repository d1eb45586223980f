using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Cluster;

public sealed class FamilyStepsTest
{
    [Fact]
    public void Of_ThousandCounters_SpreadsThemOverEveryGroupNearlyEvenly()
    {
        var counts = new int[SensorGroups.Count];
        for (var i = 0; i < 12_000; i++)
        {
            counts[SensorGroups.Of(new SensorId($"cell-{i}"))]++;
        }

        counts.Should().OnlyContain(c => c > 800 && c < 1200, "a stable hash spreads ids evenly (1,000 each on average)");
    }

    [Fact]
    public void Of_SameId_IsTheSameGroupOnEveryCall()
    {
        SensorGroups.Of("melbourne:swanston-st_2").Should().Be(SensorGroups.Of(new SensorId("melbourne:swanston-st_2")));
        SensorGroups.Of("counter-1").Should().Be(1, "the hash is fixed: nodes of different builds must agree on every sensor's group");
    }

    [Fact]
    public void Step_EveryGroupOfEachFamily_ParsesBackAndIsAFamilysStep()
    {
        FamilySteps.All.Should().HaveCount(2 * SensorGroups.Count).And.OnlyHaveUniqueItems();
        foreach (var family in (ModelSubjects[])[ModelSubjects.Counters, ModelSubjects.Roads])
        {
            for (var g = 0; g < SensorGroups.Count; g++)
            {
                var step = FamilySteps.Step(family, g);
                FamilySteps.Is(step).Should().BeTrue();
                FamilySteps.TryParse(step, out var parsed, out var group).Should().BeTrue();
                (parsed, group).Should().Be((family, g));
            }
        }
    }

    [Theory]
    [InlineData("riverside")]
    [InlineData("~counters")]
    [InlineData("~counters/12")]
    [InlineData("~counters/01")]
    [InlineData("~lanes/1")]
    public void TryParse_NotAGroupsStep_IsFalse(string subject) => FamilySteps.TryParse(subject, out _, out _).Should().BeFalse();

    [Fact]
    public void Held_NodeHoldingTwoGroupsOfTheRoads_GivesThoseTwo()
    {
        var held = new HashSet<string> { FamilySteps.Step(ModelSubjects.Roads, 3), FamilySteps.Step(ModelSubjects.Roads, 7), FamilySteps.Step(ModelSubjects.Counters, 5) };

        var roads = FamilySteps.Held(ModelSubjects.Roads, held.Contains);

        roads.Groups().Should().Equal(3, 7);
        roads.Should().Be(SensorGroups.Single(3).With(SensorGroups.Single(7)));
        FamilySteps.Held(ModelSubjects.Counters, held.Contains).Should().Be(SensorGroups.Single(5));
    }

    [Fact]
    public void Lead_IsTheFirstGroupsStep() => FamilySteps.Lead(ModelSubjects.Counters).Should().Be("~counters/0");
}
