using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Cli.Common;

/// <summary>
/// A store a command opened through its adapter's registration, seen through Core's ports only. Opening resolves
/// the store at once, so a store that cannot be reached fails the command at its start.
/// </summary>
internal sealed class OpenedStore : IDisposable
{
    private readonly ServiceProvider _services;

    public OpenedStore(ServiceProvider services, string dataSource)
    {
        _services = services;
        DataSource = dataSource;
        try
        {
            Observations = services.GetRequiredService<IObservationStore>();
            Forecasts = services.GetRequiredService<IForecastStore>();
            Models = services.GetRequiredService<IModelStore>();
            Zones = services.GetRequiredService<IZoneStore>();
            RoadGraph = services.GetRequiredService<IRoadGraphStore>();
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    /// <summary>The store as shown to people (a file's full path, or a PostgreSQL address without its password).</summary>
    public string DataSource { get; }

    public IObservationStore Observations { get; }

    public IForecastStore Forecasts { get; }

    public IModelStore Models { get; }

    public IZoneStore Zones { get; }

    public IRoadGraphStore RoadGraph { get; }

    public void Dispose() => _services.Dispose();
}
