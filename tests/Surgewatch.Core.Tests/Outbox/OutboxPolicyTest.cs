using Surgewatch.Core.Outbox;

namespace Surgewatch.Core.Tests.Outbox;

public class OutboxPolicyTest
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly OutboxPolicy Policy = new(TimeSpan.FromMinutes(2), 16, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), 4);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(5, 300)]
    [InlineData(40, 300)]
    public void RetryAt_FailedRound_DoublesTheWaitUpToTheMaximum(int claims, int seconds)
    {
        Policy.RetryAt(claims, T0).Should().Be(T0.AddSeconds(seconds));
    }

    [Fact]
    public void GivesUp_AfterMaxRounds_Only()
    {
        Policy.GivesUp(3).Should().BeFalse();
        Policy.GivesUp(4).Should().BeTrue();
    }

    [Fact]
    public void Claim_Now_HoldsForTheLeaseAndTheBatch()
    {
        var claim = Policy.Claim("node-a/1", T0);

        claim.Should().Be(new OutboxClaim("node-a/1", T0, TimeSpan.FromMinutes(2), 16));
        claim.LeaseUntil.Should().Be(T0.AddMinutes(2));
    }

    [Theory]
    [InlineData(0, 16, 30, 300, 4)]
    [InlineData(120, 0, 30, 300, 4)]
    [InlineData(120, 16, 0, 300, 4)]
    [InlineData(120, 16, 30, 10, 4)]
    [InlineData(120, 16, 30, 300, 0)]
    public void Validated_SettingOutOfRange_IsRejected(int leaseSeconds, int batch, int firstSeconds, int maxSeconds, int rounds)
    {
        var act = () => new OutboxPolicy(TimeSpan.FromSeconds(leaseSeconds), batch, TimeSpan.FromSeconds(firstSeconds), TimeSpan.FromSeconds(maxSeconds), rounds).Validated();

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Validated_Claim_WithoutClaimant_IsRejected()
    {
        var act = () => new OutboxClaim(" ", T0, TimeSpan.FromMinutes(1), 1).Validated();

        act.Should().Throw<ArgumentException>().WithMessage("*claimant*");
    }
}
