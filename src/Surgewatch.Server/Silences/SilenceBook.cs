using Surgewatch.Core.Alerting;

namespace Surgewatch.Server.Silences;

/// <summary>A silence as the API shows it: mutes alerts of a zone and/or rule between two instants.</summary>
internal sealed record SilenceDto(string Id, string? ZoneId, string? RuleId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Comment, string CreatedBy);

/// <summary>A silence to create.</summary>
internal sealed record SilenceRequest(string? ZoneId, string? RuleId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Comment);

/// <summary>
/// The silences in force or planned, kept in the <see cref="ISilenceStore"/> (they survive a restart) and cached in memory
/// for the monitor, which reads them at every step.
/// </summary>
internal sealed class SilenceBook(ISilenceStore store, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IReadOnlyList<SilenceEntry>? _entries;

    /// <summary>The silences (one-off ones as the API shows them), by start.</summary>
    public async Task<IReadOnlyList<SilenceDto>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<SilenceDto>();
        foreach (var entry in await EntriesAsync(cancellationToken))
        {
            if (ToDto(entry) is { } dto)
            {
                list.Add(dto);
            }
        }

        list.Sort((a, b) => a.StartsAt.CompareTo(b.StartsAt));
        return list;
    }

    /// <summary>Every stored silence, for the monitor.</summary>
    public async Task<IReadOnlyList<ISilence>> ActiveAsync(CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(cancellationToken);
        var list = new ISilence[entries.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = entries[i].Silence;
        }

        return list;
    }

    public async Task<SilenceDto> AddAsync(SilenceRequest request, string createdBy, CancellationToken cancellationToken)
    {
        var silence = new Silence(new AlertMatcher(request.RuleId, request.ZoneId), request.StartsAt, request.EndsAt, createdBy);
        var entry = await store.AddSilenceAsync(silence, request.Comment ?? string.Empty, clock.GetUtcNow(), cancellationToken);
        await ReloadAsync(cancellationToken);
        return ToDto(entry)!;
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, out var number) || !await store.DeleteSilenceAsync(number, cancellationToken))
        {
            return false;
        }

        await ReloadAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether a cached silence mutes the alert now (false until the cache is loaded).</summary>
    public bool Mutes(string ruleId, string zoneId, DateTimeOffset now)
    {
        foreach (var entry in _entries ?? [])
        {
            if (entry.Silence.Mutes(ruleId, zoneId, now))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<IReadOnlyList<SilenceEntry>> EntriesAsync(CancellationToken cancellationToken) =>
        _entries ?? await ReloadAsync(cancellationToken);

    private async Task<IReadOnlyList<SilenceEntry>> ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var entries = await store.ListSilencesAsync(cancellationToken);
            _entries = entries;
            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static SilenceDto? ToDto(SilenceEntry entry) => entry.Silence is Silence s
        ? new SilenceDto(entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Matcher.Subject, s.Matcher.RuleId, s.From, s.Until, entry.Comment, s.CreatedBy)
        : null;
}
