namespace Surgewatch.Core.Forecasting;

/// <summary>Thrown when a model is asked for by a name that no catalog entry has; the message lists the known names.</summary>
public sealed class UnknownForecastModelException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="name"/>, listing <paramref name="knownNames"/>.</summary>
    public UnknownForecastModelException(string name, IReadOnlyList<string> knownNames)
        : base($"Unknown forecast model '{name}'. Known models: {string.Join(", ", knownNames)}.", "name")
    {
        Name = name;
        KnownNames = knownNames;
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }

    /// <summary>The names the catalog knows.</summary>
    public IReadOnlyList<string> KnownNames { get; }
}
