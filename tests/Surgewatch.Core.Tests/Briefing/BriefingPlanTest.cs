using Surgewatch.Core.Briefing;

namespace Surgewatch.Core.Tests.Briefing;

public class BriefingPlanTest
{
    [Fact]
    public void Choose_DeployedModelOnFiveWeeks_RunsItWithoutFallback()
    {
        var plan = BriefingPlan.Choose(BriefingCandidate.DeployedModel("gbm", 7), historyDays: 35);

        plan.Should().Be(new BriefingPlan(BriefingMethod.Deployed, "gbm", 7, null));
    }

    [Fact]
    public void Choose_NoDeployedModelOnFiveWeeks_FitsTheFallbackModelAndSaysSo()
    {
        var plan = BriefingPlan.Choose(BriefingCandidate.NoModel("no deployed model"), historyDays: 35);

        plan.Method.Should().Be(BriefingMethod.Fitted);
        plan.Model.Should().Be("historical-median-4w");
        plan.Fallback.Should().Be("no deployed model; historical-median-4w fitted on 35 days");
    }

    [Fact]
    public void Choose_NamedModelOnTwoWeeks_FitsItWithoutFallback()
    {
        var plan = BriefingPlan.Choose(BriefingCandidate.Named("seasonal-naive-week"), historyDays: 14);

        plan.Should().Be(new BriefingPlan(BriefingMethod.Fitted, "seasonal-naive-week", null, null));
    }

    [Fact]
    public void Choose_NamedModelOnTenDays_FallsBackToTheWeeklyProfileNamingBothLengths()
    {
        var plan = BriefingPlan.Choose(BriefingCandidate.Named("gbm"), historyDays: 10);

        plan.Method.Should().Be(BriefingMethod.WeeklyProfile);
        plan.Fallback.Should().StartWith("history of 10 days is shorter than the 14 gbm needs").And.Contain("weekly profile");
    }

    [Fact]
    public void Choose_DeployedModelOnEightDays_StillRunsIt()
    {
        var plan = BriefingPlan.Choose(BriefingCandidate.DeployedModel("historical-median-4w", 1), historyDays: 8);

        plan.Method.Should().Be(BriefingMethod.Deployed);
        plan.Fallback.Should().BeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    public void Choose_UnderAWeek_GivesNoForecastWithTheReason(int days)
    {
        var plan = BriefingPlan.Choose(BriefingCandidate.DeployedModel("gbm", 1), days);

        plan.Method.Should().Be(BriefingMethod.None);
        plan.Model.Should().BeNull();
        plan.Fallback.Should().Contain($"history of {(days == 1 ? "1 day" : $"{days} days")} is shorter than the 7 the weekly profile needs");
    }

    [Fact]
    public void Choose_NoModelAndThreeDays_StatesBothReasons()
    {
        var plan = BriefingPlan.Choose(BriefingCandidate.NoModel("no deployed model"), historyDays: 3);

        plan.Fallback.Should().Be("no deployed model; history of 3 days is shorter than the 7 the weekly profile needs; no forecast");
    }

    [Theory]
    [InlineData(BriefingMethod.Deployed, "deployed")]
    [InlineData(BriefingMethod.Fitted, "fitted")]
    [InlineData(BriefingMethod.WeeklyProfile, "weekly-profile")]
    [InlineData(BriefingMethod.None, "none")]
    public void Name_EachMethod_IsItsReportName(BriefingMethod method, string name) => BriefingPlan.Name(method).Should().Be(name);
}
