namespace Surgewatch.Storage.Specification.Builders;

/// <summary>An <see cref="IProgress{T}"/> that runs its callback synchronously (unlike <see cref="Progress{T}"/>, which posts).</summary>
public sealed class RecordingProgress(Action<long>? onReport = null) : IProgress<long>
{
    public List<long> Reports { get; } = [];

    public void Report(long value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
