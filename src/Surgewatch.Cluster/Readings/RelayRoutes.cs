using Surgewatch.Core.Zones;

namespace Surgewatch.Cluster.Readings;

/// <summary>
/// Where a node sends each reading it stored: to every other silo holding a zone that uses the reading's sensor, and to
/// the silos whose node wants every reading (the one running the models). Built from a sweep's map of holders.
/// </summary>
internal sealed class RelayRoutes
{
    private readonly Dictionary<string, string[]> _bySensor;
    private readonly string[] _everything;
    private readonly HashSet<string> _silos;

    private RelayRoutes(Dictionary<string, string[]> bySensor, string[] everything)
    {
        (_bySensor, _everything) = (bySensor, everything);
        _silos = new HashSet<string>(everything, StringComparer.Ordinal);
        foreach (var silos in bySensor.Values)
        {
            _silos.UnionWith(silos);
        }
    }

    /// <summary>No routes: nothing is sent (before the first sweep).</summary>
    public static RelayRoutes None { get; } = new([], []);

    /// <summary>
    /// The routes from silo <paramref name="self"/> when <paramref name="holders"/> (zone id to the parsable address of
    /// the silo holding it) hold <paramref name="zones"/> and the silos <paramref name="everyReading"/> want every
    /// reading. A zone without a holder sends its readings nowhere but there.
    /// </summary>
    public static RelayRoutes Build(IReadOnlyList<Zone> zones, IReadOnlyDictionary<string, string> holders, IReadOnlyCollection<string> everyReading, string self)
    {
        var everything = everyReading.Where(s => s != self).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var sets = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            if (!holders.TryGetValue(zone.Id.Value, out var holder) || holder == self)
            {
                continue;
            }

            foreach (var source in zone.Sources)
            {
                if (!sets.TryGetValue(source.Sensor.Value, out var set))
                {
                    set = new SortedSet<string>(everything, StringComparer.Ordinal);
                    sets[source.Sensor.Value] = set;
                }

                set.Add(holder);
            }
        }

        var bySensor = new Dictionary<string, string[]>(sets.Count, StringComparer.Ordinal);
        foreach (var (sensor, set) in sets)
        {
            bySensor[sensor] = [.. set];
        }

        return new RelayRoutes(bySensor, everything);
    }

    /// <summary>Whether some reading goes to <paramref name="silo"/>.</summary>
    public bool Reaches(string silo) => _silos.Contains(silo);

    /// <summary>The silos a reading of <paramref name="sensor"/> goes to, ordered; empty for none.</summary>
    public IReadOnlyList<string> To(string sensor) => _bySensor.TryGetValue(sensor, out var silos) ? silos : _everything;
}
