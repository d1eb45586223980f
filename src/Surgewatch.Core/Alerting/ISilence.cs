namespace Surgewatch.Core.Alerting;

/// <summary>A period during which matching alerts send no notification (they are still evaluated and recorded).</summary>
public interface ISilence
{
    /// <summary>Whether this silence mutes the alert of <paramref name="ruleId"/> on <paramref name="subject"/> at <paramref name="now"/>.</summary>
    bool Mutes(string ruleId, string subject, DateTimeOffset now);
}
