using System.Diagnostics.CodeAnalysis;

namespace Surgewatch.Ingestion.Privacy;

/// <summary>
/// Keeps personal data out of Surgewatch, which counts people but never identifies them. Pure functions over
/// field names and values, shared by the file readers and the HTTP API: a field whose name says it holds faces,
/// images, names, phone or device numbers, plates, addresses, tracks or user ids is refused, and so is a sensor
/// id that looks like a personal device or contact identifier (MAC, IMEI, phone number, e-mail).
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
    /// True when a sensor id looks like a personal identifier: a MAC address, a 15-digit IMEI or IMSI, a SIM
    /// number, a phone number (a leading <c>+</c> and 8–15 digits) or an e-mail address, or when the whole id is
    /// an identifier's field name such as <c>imei</c> or <c>user_id</c>.
    /// </summary>
    /// <param name="sensorId">The id as written.</param>
    /// <param name="reason">Why it is refused, e.g. <c>'00:1a:2b:3c:4d:5e' looks like a MAC address, a personal device identifier; …</c>.</param>
    public static bool IsPersonalIdentifierValue(string sensorId, [NotNullWhen(true)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(sensorId);
        if (PersonalValuePatterns.TryMatch(sensorId, out var what))
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
}
