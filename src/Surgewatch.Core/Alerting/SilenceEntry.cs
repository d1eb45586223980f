namespace Surgewatch.Core.Alerting;

/// <summary>A stored silence: a <see cref="Silence"/> or <see cref="RecurringSilence"/> with its id and comment.</summary>
/// <param name="Id">The store's id for it.</param>
/// <param name="Silence">The silence itself.</param>
/// <param name="Comment">Why it was set.</param>
/// <param name="CreatedAt">When it was set.</param>
public sealed record SilenceEntry(long Id, ISilence Silence, string Comment, DateTimeOffset CreatedAt);
