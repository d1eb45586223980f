namespace Surgewatch.Cli.Tests.Serve;

/// <summary>
/// Tests that start and kill real <c>surgewatch serve</c> processes. They run alone, after the parallel tests, so
/// that their load does not slow the others and the others do not starve the server they time a kill against.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServeProcessCollection
{
    public const string Name = "Starts surgewatch serve processes";
}
