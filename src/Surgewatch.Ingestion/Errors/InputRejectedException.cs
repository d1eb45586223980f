using System.Text;

namespace Surgewatch.Ingestion.Errors;

/// <summary>
/// Thrown when an input has any bad row: the input is rejected as a whole and nothing of it is returned.
/// <see cref="Errors"/> lists the first errors found (up to a limit) in line order; <see cref="FurtherErrorCount"/>
/// counts those left out.
/// </summary>
public sealed class InputRejectedException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> with the listed errors and a count of further ones.</summary>
    public InputRejectedException(string source, IReadOnlyList<InputError> errors, int furtherErrorCount)
        : base(Describe(source, errors, furtherErrorCount))
    {
        SourceName = source;
        Errors = errors;
        FurtherErrorCount = furtherErrorCount;
    }

    /// <summary>Creates the exception for a single error.</summary>
    public InputRejectedException(InputError error)
        : this(error?.Source ?? string.Empty, [error ?? throw new ArgumentNullException(nameof(error))], 0)
    {
    }

    /// <summary>The file or request that was rejected.</summary>
    public string SourceName { get; }

    /// <summary>The errors listed, in line order.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    /// <summary>How many more errors were found beyond those listed.</summary>
    public int FurtherErrorCount { get; }

    /// <summary>All errors found, listed or not.</summary>
    public int TotalErrorCount => Errors.Count + FurtherErrorCount;

    private static string Describe(string source, IReadOnlyList<InputError> errors, int further)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var total = errors.Count + further;
        var text = new StringBuilder();
        text.Append(source).Append(" was rejected (").Append(total).Append(total == 1 ? " error" : " errors")
            .Append("); nothing from it was read:");
        foreach (var error in errors)
        {
            text.Append('\n').Append(error);
        }

        if (further > 0)
        {
            text.Append('\n').Append("... and ").Append(further).Append(further == 1 ? " more error" : " more errors");
        }

        return text.ToString();
    }
}
