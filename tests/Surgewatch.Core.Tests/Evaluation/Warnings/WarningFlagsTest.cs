using Surgewatch.Core.Evaluation.Warnings;

namespace Surgewatch.Core.Tests.Evaluation.Warnings;

public class WarningFlagsTest
{
    [Fact]
    public void KeepFiring_TwoSlots_KeepsEachWarningOnFromTheSlotItself()
    {
        var flags = new WarningFlags(1, 20);
        flags.Flag(0, 5, issueSlot: 1);
        flags.Flag(0, 6, issueSlot: 2);

        flags.KeepFiring(0, 2, from: 0, to: 20);

        var earliest = flags.EarliestIssue(0);
        earliest[7].Should().Be(7);
        earliest[8].Should().Be(8);
        earliest[9].Should().Be(WarningFlags.Never);
        earliest[5].Should().Be(1);
        earliest[4].Should().Be(WarningFlags.Never);
    }

    [Fact]
    public void KeepFiring_GapNoLongerThanTheHold_JoinsTwoWarnings()
    {
        var flags = new WarningFlags(1, 20);
        flags.Flag(0, 5, issueSlot: 5);
        flags.Flag(0, 9, issueSlot: 8);

        flags.KeepFiring(0, 3, from: 0, to: 11);

        var earliest = flags.EarliestIssue(0);
        earliest[6..9].ToArray().Should().Equal(6, 7, 8);
        earliest[9].Should().Be(8);
        earliest[10].Should().Be(10);
        earliest[11].Should().Be(WarningFlags.Never, "slots from 'to' on are left alone");
    }
}
