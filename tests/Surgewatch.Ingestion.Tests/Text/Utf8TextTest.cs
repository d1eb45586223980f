using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Ingestion.Text;
using Xunit;

namespace Surgewatch.Ingestion.Tests.Text;

public class Utf8TextTest
{
    [Theory]
    [InlineData("", "")]
    [InlineData(" \t ", "")]
    [InlineData("1", "1")]
    [InlineData(" \t12 a\t ", "12 a")]
    [InlineData("\r1\n", "\r1\n")]
    public void Trim_Text_DropsOnlyLeadingAndTrailingSpacesAndTabs(string text, string expected) =>
        System.Text.Encoding.UTF8.GetString(Utf8Text.Trim(System.Text.Encoding.UTF8.GetBytes(text))).Should().Be(expected);

    [Property(MaxTest = 300)]
    public Property Trim_AnyBytes_MatchesTheFrameworksTrim() =>
        Prop.ForAll(Arb.From(Bytes), bytes =>
            Utf8Text.Trim(bytes).SequenceEqual(bytes.AsSpan().Trim(" \t"u8))
            && Utf8Text.IsBlank(bytes) == (bytes.AsSpan().IndexOfAnyExcept((byte)' ', (byte)'\t') < 0));

    private static Gen<byte[]> Bytes => Gen.Elements((byte)' ', (byte)'\t', (byte)'x', (byte)'\r', (byte)0).ArrayOf();
}
