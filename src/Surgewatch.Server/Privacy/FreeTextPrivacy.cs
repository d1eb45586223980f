using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Privacy;
using Surgewatch.Server.Readings;

namespace Surgewatch.Server.Privacy;

/// <summary>
/// Free text that a request would store (a silence comment, an alert note, a key name) goes through the privacy
/// guard; a refusal answers 422 in the same shape as a refused ingest, naming the field and, rather than the value,
/// where in the text the identifier starts.
/// </summary>
internal static class FreeTextPrivacy
{
    /// <summary>The 422 reply when <paramref name="text"/> holds what looks like a personal identifier; null when it may be stored.</summary>
    public static IResult? Refusal(string field, string? text)
    {
        if (text is null || !PrivacyGuard.ContainsPersonalIdentifier(text, out var reason))
        {
            return null;
        }

        var rejection = new InputRejectedException(new InputError("request body", null, field, reason));
        return IngestProblems.Rejected(rejection, privacy: true, jsonArray: false);
    }
}
