using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Tests.Builders;

/// <summary>Runs a read that must be rejected and returns the rejection.</summary>
internal static class Rejection
{
    public static InputRejectedException Of(Action read)
    {
        var thrown = Record.Exception(read);
        thrown.Should().BeOfType<InputRejectedException>();
        return (InputRejectedException)thrown!;
    }

    public static IEnumerable<string> Lines(this InputRejectedException e) => e.Errors.Select(x => x.ToString());
}
