using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;

namespace Surgewatch.Server.Notifications;

/// <summary>
/// <c>Surgewatch:Notifications</c>: the channels (webhook, SMTP) and the escalation chain. A contact with '@' is e-mailed,
/// any other contact goes to the webhook (its name is in the payload).
/// </summary>
public sealed class NotificationSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Surgewatch:Notifications";

    /// <summary>The webhook channel; off without a URL.</summary>
    public WebhookSettings Webhook { get; set; } = new();

    /// <summary>The SMTP channel; off without a host.</summary>
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The escalation chain in order; the first step's delay must be zero (default: "operators" at once).</summary>
    public List<ChainStep> Chain { get; set; } = [];

    /// <summary>Minutes within which repeats and all-clears are held back; also the reminder period (default 60).</summary>
    public double RenotifyMinutes { get; set; } = 60;

    /// <summary>
    /// Seconds for which the outbox's due notifications are still delivered after the server is asked to stop (default
    /// 10; keep it under the host's shutdown timeout, 30 s by default). What is left stays in the outbox, for the next
    /// start or another node.
    /// </summary>
    public double DrainSeconds { get; set; } = 10;

    /// <summary>How this node works the notification outbox.</summary>
    public OutboxSettings Outbox { get; set; } = new();

    /// <summary>The Core policy these settings describe.</summary>
    public NotificationPolicy Policy()
    {
        var chain = Chain.Count == 0
            ? [new EscalationStep("operators", TimeSpan.Zero)]
            : Chain.ConvertAll(s => new EscalationStep(s.Contact, TimeSpan.FromMinutes(s.AfterMinutes)));
        return new NotificationPolicy(chain, TimeSpan.FromMinutes(RenotifyMinutes), []).Validated();
    }
}

/// <summary>One step of the escalation chain.</summary>
public sealed class ChainStep
{
    /// <summary>Who: an e-mail address, or a name the webhook receiver routes on.</summary>
    public string Contact { get; set; } = "operators";

    /// <summary>Minutes after the episode's first notification, if nobody acknowledged.</summary>
    public double AfterMinutes { get; set; }
}

/// <summary>The webhook channel's settings.</summary>
public sealed class WebhookSettings
{
    /// <summary>The receiver's http(s) URL; null turns the channel off.</summary>
    public string? Url { get; set; }

    /// <summary>The HMAC-SHA256 secret, at least 16 characters.</summary>
    public string? Secret { get; set; }

    /// <summary>Attempts in all (default 5).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry's wait in seconds, doubling (default 1).</summary>
    public double InitialBackoffSeconds { get; set; } = 1;
}

/// <summary>
/// The notification outbox (<c>Surgewatch:Notifications:Outbox</c>): every planned notification is written to the store
/// first and sent from there, by whichever node claims it.
/// </summary>
public sealed class OutboxSettings
{
    /// <summary>This node's name in its claims; default the machine name, the process id and a random suffix (unique per run).</summary>
    public string? NodeId { get; set; }

    /// <summary>Seconds a claim holds (default 120); never less than the longest delivery round the channels allow, plus 30 s.</summary>
    public double LeaseSeconds { get; set; } = OutboxPolicy.Default.Lease.TotalSeconds;

    /// <summary>Notifications claimed at once (default 16).</summary>
    public int BatchSize { get; set; } = OutboxPolicy.Default.BatchSize;

    /// <summary>Seconds before a failed notification is tried again (default 30), doubling each round.</summary>
    public double FirstRetrySeconds { get; set; } = OutboxPolicy.Default.FirstRetry.TotalSeconds;

    /// <summary>The longest wait between rounds in seconds (default 600).</summary>
    public double MaxRetrySeconds { get; set; } = OutboxPolicy.Default.MaxRetry.TotalSeconds;

    /// <summary>Rounds before a notification is given up (default 8).</summary>
    public int MaxRounds { get; set; } = OutboxPolicy.Default.MaxRounds;

    /// <summary>Seconds between looks at the outbox when nothing is due here (default 1): notifications other nodes planned, retries come due.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>The Core policy these settings describe, with a lease of at least <paramref name="longestRound"/> plus 30 s.</summary>
    public OutboxPolicy Policy(TimeSpan longestRound)
    {
        var lease = TimeSpan.FromSeconds(LeaseSeconds);
        var least = longestRound + TimeSpan.FromSeconds(30);
        return new OutboxPolicy(lease < least ? least : lease, BatchSize, TimeSpan.FromSeconds(FirstRetrySeconds), TimeSpan.FromSeconds(MaxRetrySeconds), MaxRounds)
            .Validated();
    }
}

/// <summary>The SMTP channel's settings.</summary>
public sealed class SmtpSettings
{
    /// <summary>The SMTP host; null turns the channel off.</summary>
    public string? Host { get; set; }

    /// <summary>The port (default 25).</summary>
    public int Port { get; set; } = 25;

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "surgewatch@localhost";

    /// <summary>STARTTLS.</summary>
    public bool EnableSsl { get; set; }

    /// <summary>SMTP user, or null.</summary>
    public string? UserName { get; set; }

    /// <summary>SMTP password, or null.</summary>
    public string? Password { get; set; }
}
