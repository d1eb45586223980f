using System.Reflection;
using System.Runtime.ExceptionServices;
using Surgewatch.Core.Series;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>An <see cref="IObservationStore"/> that passes every call to a real store and counts the reads that match a filter.</summary>
public class CountingObservations : DispatchProxy
{
    private IObservationStore? _inner;
    private Func<ObservationQuery, bool> _counts = _ => true;
    private int _reads;

    /// <summary>How many <see cref="IObservationStore.ReadObservationsAsync"/> calls matched the filter so far.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>A store over <paramref name="inner"/> counting the reads whose query <paramref name="counts"/> accepts; <paramref name="counter"/> reads the count.</summary>
    public static IObservationStore Wrap(IObservationStore inner, Func<ObservationQuery, bool> counts, out CountingObservations counter)
    {
        var store = Create<IObservationStore, CountingObservations>();
        counter = (CountingObservations)(object)store;
        (counter._inner, counter._counts) = (inner, counts);
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IObservationStore.ReadObservationsAsync) && args is [ObservationQuery query, ..] && _counts(query))
        {
            Interlocked.Increment(ref _reads);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
