namespace Surgewatch.Core.Alerting;

/// <summary>The port through which silences (one-off and recurring) are kept.</summary>
public interface ISilenceStore
{
    /// <summary>Stores <paramref name="silence"/> and returns it with its new id.</summary>
    /// <exception cref="ArgumentException">The silence is not a <see cref="Silence"/> or <see cref="RecurringSilence"/>.</exception>
    Task<SilenceEntry> AddSilenceAsync(ISilence silence, string comment, DateTimeOffset createdAt, CancellationToken cancellationToken = default);

    /// <summary>Every stored silence, oldest first (expired one-off silences included until deleted).</summary>
    Task<IReadOnlyList<SilenceEntry>> ListSilencesAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the silence with <paramref name="id"/>; false when there was none.</summary>
    Task<bool> DeleteSilenceAsync(long id, CancellationToken cancellationToken = default);
}
