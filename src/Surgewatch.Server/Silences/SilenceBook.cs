using System.Collections.Concurrent;
using Surgewatch.Core.Alerting;

namespace Surgewatch.Server.Silences;

/// <summary>A silence as the API shows it: mutes alerts of a zone and/or rule between two instants.</summary>
internal sealed record SilenceDto(string Id, string? ZoneId, string? RuleId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Comment, string CreatedBy);

/// <summary>A silence to create.</summary>
internal sealed record SilenceRequest(string? ZoneId, string? RuleId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Comment);

/// <summary>The silences in force or planned, kept in memory (they do not survive a restart).</summary>
internal sealed class SilenceBook
{
    private readonly ConcurrentDictionary<string, (SilenceDto Dto, Silence Silence)> _silences = new(StringComparer.Ordinal);
    private int _next;

    public IReadOnlyList<SilenceDto> List()
    {
        var list = new List<SilenceDto>(_silences.Count);
        foreach (var (_, entry) in _silences)
        {
            list.Add(entry.Dto);
        }

        list.Sort((a, b) => a.StartsAt.CompareTo(b.StartsAt));
        return list;
    }

    public SilenceDto Add(SilenceRequest request, string createdBy)
    {
        var id = "s" + Interlocked.Increment(ref _next);
        var dto = new SilenceDto(id, request.ZoneId, request.RuleId, request.StartsAt, request.EndsAt, request.Comment ?? string.Empty, createdBy);
        _silences[id] = (dto, new Silence(new AlertMatcher(request.RuleId, request.ZoneId), request.StartsAt, request.EndsAt, createdBy));
        return dto;
    }

    public bool Remove(string id) => _silences.TryRemove(id, out _);

    public bool Mutes(string ruleId, string zoneId, DateTimeOffset now)
    {
        foreach (var (_, entry) in _silences)
        {
            if (entry.Silence.Mutes(ruleId, zoneId, now))
            {
                return true;
            }
        }

        return false;
    }
}
