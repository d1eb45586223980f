using Surgewatch.Core.Cluster;

namespace Surgewatch.Core.Tests.Cluster;

public sealed class SubjectMapsTest
{
    private static Dictionary<string, string> Map(params (string Subject, string Text)[] entries) => entries.ToDictionary(e => e.Subject, e => e.Text, StringComparer.Ordinal);

    [Fact]
    public void Same_SameEntriesInOtherInstances_True()
    {
        SubjectMaps.Same(Map(("a", "[]"), ("b", "n1")), Map(("b", "n1"), ("a", "[]"))).Should().BeTrue();
    }

    [Theory]
    [InlineData("b", "n2")]
    [InlineData("c", "n1")]
    public void Same_OneEntryDiffers_False(string subject, string text)
    {
        SubjectMaps.Same(Map(("a", "[]"), ("b", "n1")), Map(("a", "[]"), (subject, text))).Should().BeFalse();
    }

    [Fact]
    public void Same_OneMoreEntry_False()
    {
        SubjectMaps.Same(Map(("a", "[]")), Map(("a", "[]"), ("b", "n1"))).Should().BeFalse();
    }
}
