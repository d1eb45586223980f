using System.Diagnostics.CodeAnalysis;

namespace Surgewatch.Ingestion.Privacy;

/// <summary>
/// Keeps personal data out of Surgewatch, which counts people but never identifies them. Pure functions over
/// field names and values, shared by the file readers and the HTTP API: a field whose name says it holds faces,
/// images, names, phone or device numbers, plates, addresses, tracks or user ids is refused, and so is an id or a
/// piece of free text that holds a value shaped like a personal identifier (phone, e-mail, MAC, IP, IMEI, plate).
/// What it cannot see (names of people, novel formats, hashed or encoded identifiers) is listed in docs/privacy.md.
/// </summary>
public static class PrivacyGuard
{
    /// <summary>The sentence every privacy refusal ends with.</summary>
    public const string Policy = "Surgewatch accepts only anonymous aggregate counts";

    /// <summary>
    /// True when <paramref name="fieldName"/> names personal data. Names are compared word by word whatever their
    /// style, so <c>deviceId</c>, <c>Device-ID</c> and <c>licensePlate</c> are caught while <c>sensor_id</c>,
    /// <c>timestamp</c>, <c>value</c>, <c>count</c> and aggregates such as <c>device_count</c> are not.
    /// A schema that has a place for a field (sensors.csv's <c>name</c>) checks its own fields before asking.
    /// </summary>
    /// <param name="fieldName">The column or property name as written.</param>
    /// <param name="reason">Why it is refused, e.g. <c>looks like a personal identifier (a MAC address); Surgewatch accepts only anonymous aggregate counts</c>.</param>
    public static bool IsIdentifierLikeFieldName(string fieldName, [NotNullWhen(true)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        if (IdentifierTerms.TryMatch(FieldNameTokens.Split(fieldName), out var description))
        {
            reason = $"looks like a personal identifier ({description}); {Policy}";
            return true;
        }

        reason = null;
        return false;
    }

    /// <summary>
    /// True when an id (of a sensor or a zone) looks like a personal identifier, as a whole or in one of its parts
    /// between dashes, underscores or colons: an e-mail address; a phone number (a leading <c>+</c> and 8–15 digits);
    /// any number of 9 or more digits, grouped or not (phone numbers without <c>+</c>, IMEI, IMEISV, IMSI, SIM and
    /// card numbers, a MAC address written in decimal), except a date; a MAC address; a strictly parsed IPv4 or
    /// IPv6 address; a value labelled by a scheme such as <c>mac:</c>, <c>imei-</c>, <c>tel:</c>, <c>phone=</c> or
    /// <c>plate-</c>; a whole id in capitals shaped like a number plate (<c>ABC123</c>, <c>1ABC234</c>,
    /// <c>XYZ-789</c>); or an identifier's field name such as <c>imei</c> or <c>user_id</c>. Place ids such as
    /// <c>1</c>–<c>87</c>, <c>773869</c>, <c>riverside-in</c> and <c>cell-4411</c> pass.
    /// </summary>
    /// <param name="sensorId">The id as written.</param>
    /// <param name="reason">Why it is refused, e.g. <c>'00:1a:2b:3c:4d:5e' looks like a MAC address, a personal identifier; …</c>.</param>
    public static bool IsPersonalIdentifierValue(string sensorId, [NotNullWhen(true)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(sensorId);
        if (PersonalValuePatterns.TryMatchId(sensorId, out var what))
        {
            reason = $"'{sensorId}' looks like {what}, a personal identifier; {Policy} from places, not identifiers of people or their devices";
            return true;
        }

        if (IdentifierTerms.TryDescribe(string.Concat(FieldNameTokens.Split(sensorId)), out var description))
        {
            reason = $"'{sensorId}' names a personal identifier ({description}) rather than a place; {Policy}";
            return true;
        }

        reason = null;
        return false;
    }

    /// <summary>
    /// True when free text (a zone or sensor name, a silence comment, an alert note, a key name) contains what
    /// looks like a personal identifier: an e-mail, MAC or IP address; a phone number written with <c>+</c> or a
    /// leading <c>0</c>, possibly grouped over several words (<c>(03) 9123 4567</c>), or after a phone word
    /// (<c>call 1800 123 456</c>); any other number of 9 or more digits; a labelled identifier (<c>imsi:…</c>,
    /// <c>phone=…</c>); or a number plate right after <c>plate</c>, <c>rego</c> or <c>registration</c>. Dates,
    /// times, decimals, counts (<c>2,143</c>) and short codes pass. The reason gives the position, not the value,
    /// so that the identifier is not copied into replies or logs.
    /// </summary>
    /// <param name="text">The text as written.</param>
    /// <param name="reason">Why it is refused, e.g. <c>contains what looks like a phone number (at character 10), a personal identifier; …</c>.</param>
    public static bool ContainsPersonalIdentifier(string text, [NotNullWhen(true)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PersonalTextScanner.TryFind(text, out var what, out var position))
        {
            reason = $"contains what looks like {what} (at character {position + 1}), a personal identifier; {Policy}, so free text must not name or reach a person: describe places, times and counts instead";
            return true;
        }

        reason = null;
        return false;
    }
}
