using Surgewatch.Notifications.Email;

namespace Surgewatch.Notifications.Tests.Email;

public class EmailChannelTest
{
    [Fact]
    public async Task DeliverAsync_LocalSmtpServer_SendsSubjectAndBodyToTheContact()
    {
        using var smtp = new FakeSmtpServer();
        var log = new MemoryLog();
        var channel = new EmailChannel(new EmailOptions("127.0.0.1", smtp.Port, "surgewatch@venue.example"), TimeProvider.System, log);

        var delivery = await channel.DeliverAsync(TestNotifications.Firing("duty@venue.example"));

        delivery.Delivered.Should().BeTrue(delivery.Error);
        log.Deliveries.Should().ContainSingle();
        var (from, to, data) = smtp.Messages.Should().ContainSingle().Subject;
        from.Should().Contain("surgewatch@venue.example");
        to.Should().ContainSingle().Which.Should().Contain("duty@venue.example");
        data.Should().Contain("Subject: [FIRING] density-alarm on plaza (4.20)");
        data.Should().Contain("density-alarm/plaza");
    }

    [Fact]
    public async Task DeliverAsync_Message_CarriesTheDeliveryIdHeader()
    {
        using var smtp = new FakeSmtpServer();
        var channel = new EmailChannel(new EmailOptions("127.0.0.1", smtp.Port, "surgewatch@venue.example"), TimeProvider.System);
        var notification = TestNotifications.Firing("duty@venue.example");

        (await channel.DeliverAsync(notification)).Delivered.Should().BeTrue();

        smtp.Messages.Should().ContainSingle().Which.Data.Should().Contain($"X-Surgewatch-Delivery: {notification.DeliveryId}");
    }

    [Fact]
    public async Task DeliverAsync_RecipientRefused_RecordsTheFailure()
    {
        using var smtp = new FakeSmtpServer(rcptReply: "550 no such mailbox");
        var log = new MemoryLog();
        var channel = new EmailChannel(new EmailOptions("127.0.0.1", smtp.Port, "surgewatch@venue.example"), TimeProvider.System, log);

        var delivery = await channel.DeliverAsync(TestNotifications.Firing("nobody@venue.example"));

        delivery.Delivered.Should().BeFalse();
        delivery.Error.Should().NotBeNullOrEmpty();
        log.Deliveries.Should().ContainSingle().Which.Delivered.Should().BeFalse();
    }

    [Fact]
    public async Task DeliverAsync_ContactNotAnAddress_FailsWithAClearError()
    {
        var channel = new EmailChannel(new EmailOptions("127.0.0.1", 25, "surgewatch@venue.example"), TimeProvider.System);

        var delivery = await channel.DeliverAsync(TestNotifications.Firing("duty"));

        delivery.Delivered.Should().BeFalse();
        delivery.Error.Should().Contain("not an e-mail address");
    }

    [Fact]
    public void Options_MissingSender_AreRejected()
    {
        var act = () => new EmailOptions("localhost", 25, "nobody").Validated();

        act.Should().Throw<ArgumentException>();
    }
}
