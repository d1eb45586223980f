using Surgewatch.Core.Series;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Cli.Datasets;

/// <summary>The built-in synthetic city, so the CLI can be tried with no data at all.</summary>
internal static class DemoDataset
{
    public static Dataset Load()
    {
        var city = SyntheticCity.Create(SyntheticCityOptions.Small);
        var panel = SeriesPanel.FromBatch(city.GenerateObservations(), city.Options.Step);
        return new Dataset("demo", panel, city.Sensors);
    }
}
