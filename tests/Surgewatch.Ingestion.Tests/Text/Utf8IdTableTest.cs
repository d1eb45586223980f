using System.Text;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Ingestion.Text;
using Xunit;

namespace Surgewatch.Ingestion.Tests.Text;

public class Utf8IdTableTest
{
    [Fact]
    public void TryGetValue_Empty_FindsNothing()
    {
        var table = new Utf8IdTable();

        table.TryGetValue("1"u8, out _).Should().BeFalse();
        table.TryGetValue(ReadOnlySpan<byte>.Empty, out _).Should().BeFalse();
    }

    [Fact]
    public void Set_ManyKeys_FindsEachAfterGrowing()
    {
        var table = new Utf8IdTable();
        for (var i = 0; i < 1000; i++)
        {
            table.Set(Encoding.UTF8.GetBytes($"sensor-{i}"), i);
        }

        for (var i = 0; i < 1000; i++)
        {
            table.TryGetValue(Encoding.UTF8.GetBytes($"sensor-{i}"), out var value).Should().BeTrue();
            value.Should().Be(i);
        }

        table.TryGetValue("sensor-1000"u8, out _).Should().BeFalse();
        table.TryGetValue("sensor-"u8, out _).Should().BeFalse();
    }

    [Fact]
    public void Set_SameKeyAgain_ReplacesItsValue()
    {
        var table = new Utf8IdTable();
        table.Set("7"u8, 1);

        table.Set("7"u8, 2);

        table.TryGetValue("7"u8, out var value).Should().BeTrue();
        value.Should().Be(2);
    }

    [Property(MaxTest = 300)]
    public Property TryGetValue_AnySets_AgreesWithADictionary() =>
        Prop.ForAll(
            Arb.From(Gen.Zip(Key, Gen.Choose(0, 50)).ListOf()),
            Arb.From(Key),
            (sets, other) =>
            {
                var table = new Utf8IdTable();
                var model = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (key, value) in sets)
                {
                    table.Set(key, value);
                    model[Convert.ToHexString(key)] = value;
                }

                return sets.Select(s => s.Item1).Append(other).All(key =>
                {
                    var found = table.TryGetValue(key, out var value);
                    return model.TryGetValue(Convert.ToHexString(key), out var expected) ? found && value == expected : !found;
                });
            });

    // Short keys over few bytes, so that keys repeat and share prefixes, as sensor ids do.
    private static Gen<byte[]> Key => Gen.Elements((byte)'1', (byte)'2', (byte)'a', (byte)' ', (byte)0xC3, (byte)0xA9).ArrayOf().Select(k => k.Take(6).ToArray());
}
