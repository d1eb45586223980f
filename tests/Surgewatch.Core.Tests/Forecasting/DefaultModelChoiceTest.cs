using Surgewatch.Core.Forecasting;

namespace Surgewatch.Core.Tests.Forecasting;

public class DefaultModelChoiceTest
{
    [Theory]
    [InlineData(5, true, "gbm")]
    [InlineData(60, true, "gbm")]
    [InlineData(5, false, "last-value")]
    [InlineData(15, false, "last-value")]
    [InlineData(60, false, "historical-median-4w")]
    public void For_StepAndLearner_ChoosesTheBestAvailableModel(int minutes, bool learner, string expected)
    {
        var choice = DefaultModelChoice.For(TimeSpan.FromMinutes(minutes), learner);

        choice.Model.Should().Be(expected);
        ForecastModelCatalog.Default.Names.Append("gbm").Should().Contain(choice.Model);
    }

    [Fact]
    public void For_WithoutLearner_SaysHowToGetIt()
    {
        DefaultModelChoice.For(TimeSpan.FromHours(1), learnerAvailable: false).Reason.Should().Contain("libxgboost0");
    }
}
