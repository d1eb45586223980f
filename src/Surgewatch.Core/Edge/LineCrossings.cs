namespace Surgewatch.Core.Edge;

/// <summary>Crossings of a counting line in each direction.</summary>
/// <param name="In">Crossings from the line's left to its right.</param>
/// <param name="Out">Crossings from its right to its left.</param>
public readonly record struct LineCrossings(int In, int Out)
{
    /// <summary>No crossings.</summary>
    public static LineCrossings None => default;

    /// <summary>These crossings plus one in <paramref name="direction"/>.</summary>
    public LineCrossings Add(CrossingDirection direction) => direction switch
    {
        CrossingDirection.In => this with { In = In + 1 },
        CrossingDirection.Out => this with { Out = Out + 1 },
        _ => this,
    };

    /// <summary>The sum of two tallies.</summary>
    public static LineCrossings operator +(LineCrossings a, LineCrossings b) => new(a.In + b.In, a.Out + b.Out);
}
