namespace Surgewatch.Ingestion.Errors;

/// <summary>Collects the errors of one input, keeping the first <see cref="Limit"/> and counting the rest.</summary>
internal sealed class InputErrorList(string source, int limit)
{
    private readonly List<InputError> _kept = [];

    public string Source { get; } = source;

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "The error limit must be positive.");

    /// <summary>All errors found so far, kept or not.</summary>
    public int Count { get; private set; }

    public bool Any => Count > 0;

    public void Add(int? line, string? field, string message)
    {
        Count++;
        if (_kept.Count < Limit)
        {
            _kept.Add(new InputError(Source, line, field, message));
        }
    }

    /// <summary>Throws <see cref="InputRejectedException"/> when any error was found.</summary>
    public void ThrowIfAny()
    {
        if (Count > 0)
        {
            throw Rejection();
        }
    }

    /// <summary>The rejection for the errors found, listed in line order.</summary>
    public InputRejectedException Rejection()
    {
        var ordered = _kept.OrderBy(e => e.Line ?? 0).ToArray();
        return new InputRejectedException(Source, ordered, Count - ordered.Length);
    }
}
