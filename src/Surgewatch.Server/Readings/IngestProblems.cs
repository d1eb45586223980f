using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Privacy;

namespace Surgewatch.Server.Readings;

/// <summary>The problem-details replies of a refused ingest.</summary>
internal static class IngestProblems
{
    /// <summary>Whether any error of a rejection is the privacy guard's (identifier-like field or value).</summary>
    public static bool IsPrivacyRefusal(InputRejectedException rejection)
    {
        foreach (var error in rejection.Errors)
        {
            if (error.Message.Contains(PrivacyGuard.Policy, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static IResult Rejected(InputRejectedException rejection, bool privacy, bool jsonArray)
    {
        var position = jsonArray ? "element" : "line";
        var errors = new List<Dictionary<string, object?>>(rejection.Errors.Count);
        foreach (var error in rejection.Errors)
        {
            errors.Add(new() { [position] = error.Line, ["field"] = error.Field, ["message"] = error.Message });
        }

        return Results.Problem(
            statusCode: privacy ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
            title: privacy
                ? $"Refused: the batch carries personal identifiers or identifier-like fields. {PrivacyGuard.Policy}; nothing from this request was stored."
                : "The batch was rejected; nothing from it was stored",
            detail: $"{rejection.TotalErrorCount} error(s); the first {rejection.Errors.Count} are listed.",
            extensions: new Dictionary<string, object?> { ["errors"] = errors, ["furtherErrorCount"] = rejection.FurtherErrorCount });
    }

    public static IResult TooLarge(BodyTooLargeException tooLarge) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large", detail: tooLarge.Message);

    public static IResult UnsupportedMediaType(string? contentType) => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported Content-Type",
        detail: $"'{contentType}' is not accepted; send {IngestFormats.Accepted}.");
}
