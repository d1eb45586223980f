using Surgewatch.Core.Forecasting;

namespace Surgewatch.Core.Tests.Forecasting;

public class ForecastModelCatalogTest
{
    [Fact]
    public void Names_Default_ListsTheBaselinesInOrder() =>
        ForecastModelCatalog.Default.Names.Should().Equal("last-value", "seasonal-naive-day", "seasonal-naive-week", "historical-median-4w", "day-kind-median-3d");

    [Theory]
    [InlineData("last-value", typeof(LastValueModel))]
    [InlineData("seasonal-naive-week", typeof(SeasonalNaiveModel))]
    [InlineData("HISTORICAL-MEDIAN-4W", typeof(HistoricalMedianModel))]
    public void Get_KnownName_ReturnsThatModelIgnoringCase(string name, Type expected)
    {
        var model = ForecastModelCatalog.Default.Get(name);

        model.Should().BeOfType(expected);
        model.Name.Should().BeEquivalentTo(name);
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingTheKnownNames()
    {
        var get = () => ForecastModelCatalog.Default.Get("prophet");

        get.Should().Throw<UnknownForecastModelException>()
            .WithMessage("Unknown forecast model 'prophet'. Known models: last-value, seasonal-naive-day, seasonal-naive-week, historical-median-4w, day-kind-median-3d.*")
            .Which.Name.Should().Be("prophet");
    }

    [Fact]
    public void TryGet_UnknownName_ReturnsFalse() =>
        ForecastModelCatalog.Default.TryGet("nope", out _).Should().BeFalse();

    [Fact]
    public void Ctor_TwoModelsWithOneName_Throws()
    {
        var create = () => new ForecastModelCatalog([new LastValueModel(), new LastValueModel()]);

        create.Should().Throw<ArgumentException>().WithMessage("*'last-value'*unique*");
    }
}
