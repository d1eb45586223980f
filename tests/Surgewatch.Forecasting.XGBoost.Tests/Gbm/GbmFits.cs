namespace Surgewatch.Forecasting.XGBoost.Tests.Gbm;

/// <summary>The test classes that fit gbm run one after the other, since a test reads <c>GbmModel.FitCount</c>, which every fit moves.</summary>
internal static class GbmFits
{
    public const string Collection = "gbm fits";
}
