using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Tests.Alerting;

public class DeliveryIdsTest
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_SameParts_GiveTheSameVersion8Uuid()
    {
        var id = DeliveryIds.Of("density-alarm/plaza", "duty", NotificationKind.Firing, NotificationReason.Changed, DeliveryIds.TurnAfter(null, T0));

        id.Should().Be(DeliveryIds.Of("density-alarm/plaza", "duty", NotificationKind.Firing, NotificationReason.Changed, DeliveryIds.TurnAfter(null, T0)));
        Guid.TryParseExact(id, "D", out var parsed).Should().BeTrue();
        parsed.Version.Should().Be(8);
        parsed.Variant.Should().BeInRange(8, 11, "the RFC 9562 variant is binary 10xx");
        id.Should().Be(id.ToLowerInvariant());
    }

    [Theory]
    [InlineData("a|b", "c", "a", "b|c")]
    [InlineData("1:a", "b", "1", "a:b")]
    public void Of_KeyAndContactThatReadAlikeJoined_GiveDifferentIds(string key1, string contact1, string key2, string contact2)
    {
        var turn = DeliveryIds.TurnAt(T0);

        DeliveryIds.Of(key1, contact1, NotificationKind.Firing, NotificationReason.Changed, turn)
            .Should().NotBe(DeliveryIds.Of(key2, contact2, NotificationKind.Firing, NotificationReason.Changed, turn));
    }

    [Fact]
    public void Of_EachPart_ChangesTheId()
    {
        string Id(string key = "k", string contact = "c", NotificationKind kind = NotificationKind.Firing, NotificationReason reason = NotificationReason.Changed, string? turn = null) =>
            DeliveryIds.Of(key, contact, kind, reason, turn ?? DeliveryIds.TurnOfStep(T0, 1));

        string[] ids = [Id(), Id(key: "k2"), Id(contact: "c2"), Id(kind: NotificationKind.NoData), Id(reason: NotificationReason.Reminder), Id(turn: DeliveryIds.TurnOfStep(T0, 2))];

        ids.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void DeliveryId_NotificationMadeByHand_DependsOnItsFieldsAndTimeButNotItsValue()
    {
        var n = new Notification("density-alarm/plaza", "density-alarm", "plaza", "duty", NotificationKind.Firing, NotificationReason.Changed, T0, 4.2);

        new Notification("density-alarm/plaza", "density-alarm", "plaza", "duty", NotificationKind.Firing, NotificationReason.Changed, T0, 5.0)
            .DeliveryId.Should().Be(n.DeliveryId);
        new Notification("density-alarm/plaza", "density-alarm", "plaza", "duty", NotificationKind.Firing, NotificationReason.Changed, T0.AddSeconds(1), 4.2)
            .DeliveryId.Should().NotBe(n.DeliveryId);
    }
}
