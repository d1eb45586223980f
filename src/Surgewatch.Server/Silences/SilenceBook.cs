using Surgewatch.Core.Alerting;

namespace Surgewatch.Server.Silences;

/// <summary>A silence as the API shows it: mutes alerts of a zone and/or rule between two instants.</summary>
internal sealed record SilenceDto(string Id, string? ZoneId, string? RuleId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Comment, string CreatedBy);

/// <summary>
/// A silence to create: <paramref name="StartsAt"/> and <paramref name="EndsAt"/> are ISO-8601 times, with an offset
/// or, without one, site-local (as everywhere in the API); <paramref name="ConfirmAllZones"/> must be true when neither
/// a zone nor a rule is given.
/// </summary>
internal sealed record SilenceRequest(string? ZoneId, string? RuleId, string? StartsAt, string? EndsAt, string? Comment, bool ConfirmAllZones = false);

/// <summary>A silence that recurs every day between two wall-clock times of a time zone (nightly maintenance).</summary>
internal sealed record RecurringSilenceDto(string Id, string? ZoneId, string? RuleId, string TimeZone, string Start, string End, string Comment, string CreatedBy);

/// <summary>
/// A recurring silence to create: <c>start</c> and <c>end</c> as <c>HH:mm</c>; an end at or before the start runs overnight;
/// <paramref name="ConfirmAllZones"/> must be true when neither a zone nor a rule is given.
/// </summary>
internal sealed record RecurringSilenceRequest(string? ZoneId, string? RuleId, string? TimeZone, string Start, string End, string? Comment, bool ConfirmAllZones = false);

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

    public async Task<SilenceDto> AddAsync(AlertMatcher matcher, DateTimeOffset startsAt, DateTimeOffset endsAt, string? comment, string createdBy, CancellationToken cancellationToken)
    {
        var silence = new Silence(matcher, startsAt, endsAt, createdBy);
        var entry = await store.AddSilenceAsync(silence, comment ?? string.Empty, clock.GetUtcNow(), cancellationToken);
        await ReloadAsync(cancellationToken);
        return ToDto(entry)!;
    }

    /// <summary>The recurring silences, by id.</summary>
    public async Task<IReadOnlyList<RecurringSilenceDto>> ListRecurringAsync(CancellationToken cancellationToken)
    {
        var list = new List<RecurringSilenceDto>();
        foreach (var entry in await EntriesAsync(cancellationToken))
        {
            if (ToRecurringDto(entry) is { } dto)
            {
                list.Add(dto);
            }
        }

        return list;
    }

    public async Task<RecurringSilenceDto> AddRecurringAsync(AlertMatcher matcher, TimeZoneInfo zone, TimeOnly start, TimeOnly end, string? comment, string createdBy, CancellationToken cancellationToken)
    {
        var silence = new RecurringSilence(matcher, zone, start, end, createdBy);
        var entry = await store.AddSilenceAsync(silence, comment ?? string.Empty, clock.GetUtcNow(), cancellationToken);
        await ReloadAsync(cancellationToken);
        return ToRecurringDto(entry)!;
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

    private static RecurringSilenceDto? ToRecurringDto(SilenceEntry entry) => entry.Silence is RecurringSilence r
        ? new RecurringSilenceDto(entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Matcher.Subject, r.Matcher.RuleId, r.Zone.Id,
            r.Start.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture), r.End.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture), entry.Comment, r.CreatedBy)
        : null;

    private static SilenceDto? ToDto(SilenceEntry entry) => entry.Silence is Silence s
        ? new SilenceDto(entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Matcher.Subject, s.Matcher.RuleId, s.From, s.Until, entry.Comment, s.CreatedBy)
        : null;
}
