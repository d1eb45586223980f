namespace Surgewatch.Server.FunctionalTests.Metrics;

/// <summary>
/// Tests that read exact values from <c>/metrics</c> run alone: OpenTelemetry's listener sees every meter of this
/// name in the process, so another test class's server, running beside them, would add its measurements to theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics read exactly";
}
