using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Tests.Alerting;

public partial class AlertEvaluatorTest
{
    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Evaluate_AnyScript_MovesOnlyAlongAllowedEdges(AlertScript script) =>
        AlertScriptRunner.Play(script).All(op => op.Before.State == op.After.State || AlertTransitions.IsAllowed(op.Before.State, op.After.State));

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Evaluate_AnyScript_EndsAFiringEpisodeOnlyBelowTheResolveLevelOrByOperator(AlertScript script) =>
        AlertScriptRunner.Play(script)
            .Where(op => IsFiringEpisode(op.Before) && op.After.State is AlertState.Resolved or AlertState.Inactive or AlertState.Pending)
            .All(op => op.Move == OperatorMove.Resolve || (op.Sample.Value is { } v && v < script.Rule.ResolveBelow && op.After.State == AlertState.Resolved));

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Evaluate_AnyScript_ResolvesOnlyFromAFiringEpisodeOrByOperator(AlertScript script) =>
        AlertScriptRunner.Play(script)
            .Where(op => op.After.State == AlertState.Resolved && op.Before.State != AlertState.Resolved)
            .All(op => op.Move == OperatorMove.Resolve || IsFiringEpisode(op.Before));

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Evaluate_AnyScript_MissingSamplesNeverClearAnything(AlertScript script) =>
        AlertScriptRunner.Play(script)
            .Where(op => op.Move == OperatorMove.None && !op.Sample.HasValue)
            .All(op => op.After.State == op.Before.State || op.After.State == AlertState.NoData);

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Evaluate_AnyScript_EntersNoDataOnlyAfterNoDataAfter(AlertScript script) =>
        AlertScriptRunner.Play(script)
            .Where(op => op.After.State == AlertState.NoData && op.Before.State != AlertState.NoData)
            .All(op => !op.Sample.HasValue && op.At - op.Before.LastSeenAt >= script.Rule.NoDataAfter);

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Evaluate_AnyScript_EmitsOneEventPerChangeAndNoneOtherwise(AlertScript script) =>
        AlertScriptRunner.Play(script).All(op =>
            op.Events.Count == (op.Before.State != op.After.State || op.Before.Acknowledged != op.After.Acknowledged && op.After.Acknowledged is not null ? 1 : 0));

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Evaluate_AnyScript_FiresOnlyAfterPendingFor(AlertScript script) =>
        AlertScriptRunner.Play(script)
            .Where(op => op.After.State == AlertState.Firing && !IsFiringEpisode(op.Before))
            .All(op => op.Before.State == AlertState.Pending ? op.At - op.Before.Since >= script.Rule.PendingFor : script.Rule.PendingFor == TimeSpan.Zero);

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Plan_AnyScript_SendsNothingDuringASilence(AlertScript script) =>
        AlertScriptRunner.Play(script).Where(op => op.Muted).All(op => op.Notifications.Count == 0);

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Plan_AnyScript_AcknowledgedAlertNeverEscalates(AlertScript script) =>
        AlertScriptRunner.Play(script)
            .Where(op => op.After.Acknowledged is not null)
            .All(op => op.Notifications.All(n => n.Reason != NotificationReason.Escalated));

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Plan_AnyScript_TellsEachEscalationStepOncePerEpisode(AlertScript script)
    {
        var escalations = AlertScriptRunner.Play(script).SelectMany(op => op.Notifications).Where(n => n.Reason == NotificationReason.Escalated).ToList();
        var resolvedTold = AlertScriptRunner.Play(script).SelectMany(op => op.Notifications).Count(n => n.Kind == NotificationKind.Resolved && n.Contact == "duty");
        return escalations.GroupBy(n => n.Contact).All(g => g.Count() <= resolvedTold + 1);
    }

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Plan_AnyScript_SendsRepeatsAndAllClearsAtMostOncePerInterval(AlertScript script)
    {
        var toDuty = AlertScriptRunner.Play(script).SelectMany(op => op.Notifications).Where(n => n.Contact == "duty").ToList();
        return toDuty.Zip(toDuty.Skip(1)).All(p =>
            p.Second.At - p.First.At >= TimeSpan.FromHours(1) || (p.Second.Kind != p.First.Kind && p.Second.Kind != NotificationKind.Resolved));
    }

    [Fact]
    public void AlertScripts_Generated_ReachEveryStateEscalationAndSilence()
    {
        var ops = AlertScriptArbitraries.Scripts().Generator.Sample(50, 200).SelectMany(AlertScriptRunner.Play).ToList();

        ops.Select(op => op.After.State).Distinct().Should().BeEquivalentTo(Enum.GetValues<AlertState>());
        ops.SelectMany(op => op.Notifications).Select(n => n.Reason).Distinct().Should().BeEquivalentTo(Enum.GetValues<NotificationReason>());
        ops.Should().Contain(op => op.Muted && op.After.State == AlertState.Firing);
        ops.Should().Contain(op => op.Move == OperatorMove.Acknowledge).And.Contain(op => op.Move == OperatorMove.Resolve);
    }

    [Property(Arbitrary = [typeof(AlertScriptArbitraries)], MaxTest = 300)]
    public bool Play_SameScriptTwice_GivesTheSameEventsAndNotifications(AlertScript script)
    {
        var first = AlertScriptRunner.Play(script);
        var second = AlertScriptRunner.Play(script);
        return first.SelectMany(op => op.Events).SequenceEqual(second.SelectMany(op => op.Events))
            && first.SelectMany(op => op.Notifications).SequenceEqual(second.SelectMany(op => op.Notifications))
            && first.Select(op => op.After).SequenceEqual(second.Select(op => op.After));
    }

    private static bool IsFiringEpisode(AlertStatus status) =>
        status.State is AlertState.Firing or AlertState.Recovering || (status.State == AlertState.NoData && status.FiringBeforeNoData);
}
