using System.Text.Json;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Server.Monitoring;

/// <summary>
/// The latest zone statuses, for the API and the hub: those this node's monitor computed (<see cref="Own"/>) and, on a
/// node of a cluster, those the other nodes shared for the zones they step (<see cref="IZoneStatusShare"/>), so that
/// every node serves every zone (<see cref="CurrentAsync"/>). A zone this node steps always shows its own status.
/// </summary>
internal sealed class ZoneStatusBoard(IZoneStatusShare share)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly object _sync = new();
    private volatile IReadOnlyList<ZoneStatusDto> _own = [];
    private IReadOnlyList<ZoneStatusDto> _merged = [];
    private (IReadOnlyList<ZoneStatusDto> Own, IReadOnlyDictionary<string, string> Others)? _mergedFrom;

    /// <summary>The statuses of the zones this node steps.</summary>
    public IReadOnlyList<ZoneStatusDto> Own => _own;

    /// <summary>
    /// Every zone's status: this node's, then the other nodes' for the zones it does not step, by zone id (on a cluster
    /// node the first ask after a quiet spell waits for a sweep to bring the others', see <see cref="IZoneStatusShare.OthersAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<ZoneStatusDto>> CurrentAsync(CancellationToken cancellationToken)
    {
        var others = await share.OthersAsync(cancellationToken);
        var own = _own;
        if (others.Count == 0)
        {
            return own;
        }

        lock (_sync)
        {
            if (_mergedFrom is not { } from || !ReferenceEquals(from.Own, own) || !ReferenceEquals(from.Others, others))
            {
                (_merged, _mergedFrom) = (Merge(own, others), (own, others));
            }

            return _merged;
        }
    }

    /// <summary>
    /// Takes this node's latest statuses and shares them with the other nodes of a cluster: as texts written when first
    /// read (<see cref="StatusTexts"/>), since the others carry them only while they are asked for, and a single node never.
    /// </summary>
    public void Publish(IReadOnlyList<ZoneStatusDto> statuses)
    {
        _own = statuses;
        share.Share(new StatusTexts(statuses));
    }

    /// <summary>
    /// Zone id → status text of one step's statuses, written all at once on the first read (most steps' never are:
    /// writing every held zone's status each second was a tenth of a node's CPU at 10,000 zones).
    /// </summary>
    private sealed class StatusTexts(IReadOnlyList<ZoneStatusDto> statuses) : IReadOnlyDictionary<string, string>
    {
        private readonly Lazy<Dictionary<string, string>> _texts = new(() => Write(statuses), LazyThreadSafetyMode.ExecutionAndPublication);

        public string this[string key] => _texts.Value[key];

        public IEnumerable<string> Keys => _texts.Value.Keys;

        public IEnumerable<string> Values => _texts.Value.Values;

        public int Count => _texts.Value.Count;

        public bool ContainsKey(string key) => _texts.Value.ContainsKey(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => _texts.Value.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _texts.Value.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private static Dictionary<string, string> Write(IReadOnlyList<ZoneStatusDto> statuses)
        {
            var texts = new Dictionary<string, string>(statuses.Count, StringComparer.Ordinal);
            foreach (var status in statuses)
            {
                texts[status.ZoneId] = JsonSerializer.Serialize(status, Json);
            }

            return texts;
        }
    }

    private static List<ZoneStatusDto> Merge(IReadOnlyList<ZoneStatusDto> own, IReadOnlyDictionary<string, string> others)
    {
        var merged = new List<ZoneStatusDto>(own.Count + others.Count);
        merged.AddRange(own);
        var mine = own.Select(s => s.ZoneId).ToHashSet(StringComparer.Ordinal);
        foreach (var (zone, text) in others)
        {
            if (!mine.Contains(zone) && JsonSerializer.Deserialize<ZoneStatusDto>(text, Json) is { } status)
            {
                merged.Add(status);
            }
        }

        merged.Sort((a, b) => string.CompareOrdinal(a.ZoneId, b.ZoneId));
        return merged;
    }
}
