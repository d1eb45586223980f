using System.Collections.Concurrent;
using System.Text;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Privacy;

namespace Surgewatch.Ingestion.Text;

/// <summary>
/// Turns sensor ids written in UTF-8 into indexes of an <see cref="ObservationBatch"/>'s interned sensors.
/// Each distinct id is decoded, checked (privacy first, then <see cref="SensorId"/>'s rules) and interned once;
/// later rows find it by a lookup over the bytes (<see cref="Utf8IdTable"/>), without allocating or decoding.
/// </summary>
internal sealed class SensorIdParser
{
    /// <summary>How many accepted ids the process remembers; past it, new ids are checked every time.</summary>
    private const int MaxRemembered = 100_000;

    // Ids that passed the checks, shared by every parser in the process: the checks are pure functions of the id,
    // and an HTTP ingest sees the same sensors in every request, so each is decoded and checked once, not per request.
    private static readonly ConcurrentDictionary<string, SensorId> Accepted = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SensorId>.AlternateLookup<ReadOnlySpan<char>> AcceptedLookup =
        Accepted.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly ObservationBatch _batch;
    private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // The ids this parser has accepted, by their (trimmed) bytes: what every row after an id's first looks up.
    private readonly Utf8IdTable _bytes = new();

    public SensorIdParser(ObservationBatch batch)
    {
        _batch = batch;
        _lookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The batch index of the sensor written as <paramref name="utf8"/>; on failure <paramref name="problem"/> says why.</summary>
    public bool TryParse(ReadOnlySpan<byte> utf8, out int index, out string problem)
    {
        utf8 = Utf8Text.Trim(utf8);
        if (_bytes.TryGetValue(utf8, out index))
        {
            problem = string.Empty;
            return true;
        }

        if (!TryParseNew(utf8, out index, out problem))
        {
            return false;
        }

        _bytes.Set(utf8, index);
        return true;
    }

    /// <summary>The batch index of the sensor <paramref name="text"/>, checked and interned when new.</summary>
    public bool TryParse(string text, out int index, out string problem)
    {
        var trimmed = text.Trim(' ', '\t');
        if (_known.TryGetValue(trimmed, out index))
        {
            problem = string.Empty;
            return true;
        }

        return TryAdd(trimmed, out index, out problem);
    }

    // The first time this parser meets these bytes: found among the ids already interned by text, or checked once.
    private bool TryParseNew(ReadOnlySpan<byte> utf8, out int index, out string problem)
    {
        Span<char> chars = stackalloc char[SensorId.MaxLength];
        if (utf8.Length <= SensorId.MaxLength
            && Ascii.ToUtf16(utf8, chars, out var written) == System.Buffers.OperationStatus.Done)
        {
            if (_lookup.TryGetValue(chars[..written], out index))
            {
                problem = string.Empty;
                return true;
            }

            if (AcceptedLookup.TryGetValue(chars[..written], out var accepted))
            {
                index = Intern(accepted);
                problem = string.Empty;
                return true;
            }
        }

        return TryAdd(Encoding.UTF8.GetString(utf8), out index, out problem);
    }

    private bool TryAdd(string text, out int index, out string problem)
    {
        index = -1;
        if (!TryCheck(text, out var id, out problem))
        {
            return false;
        }

        if (Accepted.Count < MaxRemembered)
        {
            Accepted.TryAdd(text, id);
        }

        index = Intern(id);
        return true;
    }

    private int Intern(SensorId id)
    {
        var index = _batch.InternSensor(id);
        _known.Add(id.Value, index);
        return index;
    }

    /// <summary>Checks a sensor id written as text: privacy first, then the id rules.</summary>
    public static bool TryCheck(string text, out SensorId id, out string problem)
    {
        id = default;
        if (PrivacyGuard.IsPersonalIdentifierValue(text, out var reason))
        {
            problem = reason;
            return false;
        }

        if (!SensorId.IsValid(text, out var invalid))
        {
            problem = $"{Utf8Text.Quote(text)} is not a valid sensor id: {invalid}";
            return false;
        }

        id = new SensorId(text);
        problem = string.Empty;
        return true;
    }
}
