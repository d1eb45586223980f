using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;

namespace Surgewatch.Server.Notifications;

/// <summary>
/// Sends the monitor's planned notifications through the notification outbox in the store, so that none is lost with
/// the node that planned it and none is sent twice under the same delivery id by the outbox. The monitor writes them to
/// the outbox (<see cref="EnqueueAsync"/>, before the alerts' ledgers are saved); this service claims due entries for a
/// lease, sends each through its channel (which records the delivery or failure in the <see cref="INotificationLog"/>),
/// marks it delivered, or schedules it again with back-off, giving it up after <see cref="OutboxSettings.MaxRounds"/>.
/// Entries claimed by a node that died are claimed again once their lease has lapsed. When the host stops, due entries
/// are still sent for up to <see cref="NotificationSettings.DrainSeconds"/>; what is left stays in the outbox.
/// </summary>
/// <remarks>
/// Outbox times (due, lease) are wall-clock instants, not the server clock's: leases are compared across nodes, and a
/// demo or replay clock runs at its own pace.
/// </remarks>
internal sealed class NotificationDispatcher : BackgroundService
{
    private readonly INotificationOutbox _outbox;
    private readonly NotificationChannels _channels;
    private readonly UndeliverableNotifications _undeliverable;
    private readonly OutboxPolicy _policy;
    private readonly TimeSpan _poll;
    private readonly TimeSpan _drain;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly TimeProvider _wall = TimeProvider.System;
    private readonly ConcurrentQueue<Notification> _unwritten = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private DateTimeOffset? _failingSince;

    public NotificationDispatcher(
        IOptions<NotificationSettings> settings, INotificationLog log, INotificationOutbox outbox, IHttpClientFactory http, Metrics.ServerMetrics metrics, TimeProvider clock, ILogger<NotificationDispatcher> logger)
    {
        var s = settings.Value;
        _outbox = outbox;
        _logger = logger;
        _channels = new NotificationChannels(s, log, http);
        _undeliverable = new UndeliverableNotifications(log, metrics, clock, logger);
        _policy = s.Outbox.Policy(_channels.LongestRound);
        _poll = TimeSpan.FromSeconds(Math.Max(0.01, s.Outbox.PollSeconds));
        _drain = TimeSpan.FromSeconds(Math.Max(0, s.DrainSeconds));
        NodeId = string.IsNullOrWhiteSpace(s.Outbox.NodeId)
            ? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}"
            : s.Outbox.NodeId;
    }

    /// <summary>This node's name in its outbox claims.</summary>
    public string NodeId { get; }

    /// <summary>
    /// Writes <paramref name="notifications"/> to the outbox (a delivery id it holds already is left out) and wakes the
    /// sender. When the store cannot take them (it is down, or the call was cancelled), they are kept in memory and
    /// written by the sender's next round, and the error is thrown on, so that the caller does not save ledgers that count
    /// them as told.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        try
        {
            await _outbox.EnqueueAsync(notifications, _wall.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            // A notification the outbox refuses as malformed is a defect, thrown to the step; keeping it would block every later write.
            foreach (var notification in notifications)
            {
                _unwritten.Enqueue(notification);
            }

            _logger.LogError(e, "Could not write {Count} planned notifications to the outbox; they are kept in memory and written when the store answers", notifications.Count);
            throw;
        }
        finally
        {
            _wake.Writer.TryWrite(true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Deliveries, the one in flight included, may run on for the drain time after the host asks to stop.
        using var deliveries = new CancellationTokenSource();
        await using var stopping = stoppingToken.Register(() => deliveries.CancelAfter(_drain));
        while (!deliveries.IsCancellationRequested)
        {
            if (await RoundAsync(deliveries.Token) > 0)
            {
                continue;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            await WaitAsync(stoppingToken);
        }

        if (!_unwritten.IsEmpty)
        {
            _logger.LogWarning("{Count} planned notifications could not be written to the outbox before shutdown and are lost", _unwritten.Count);
        }
    }

    /// <summary>Writes what is waiting in memory, then claims and sends the due entries; returns how many it claimed.</summary>
    private async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteUnwrittenAsync(cancellationToken);
            var claimed = await _outbox.ClaimAsync(_policy.Claim(NodeId, _wall.GetUtcNow()), cancellationToken);
            await DeliverAllAsync(claimed, cancellationToken);
            _failingSince = null;
            return claimed.Count;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e)
        {
            // A store that is down fails every round; say so when it starts and once a minute while it lasts.
            var now = _wall.GetUtcNow();
            if (_failingSince is not { } since || now - since >= TimeSpan.FromMinutes(1))
            {
                _logger.LogError(e, "A round of the notification outbox failed; trying again every {Seconds} s", _poll.TotalSeconds);
                _failingSince = now;
            }

            return 0;
        }
    }

    /// <summary>Sends <paramref name="claimed"/> in turn; on shutdown, hands back the claims of those not sent, so that they need not wait out the lease.</summary>
    private async Task DeliverAllAsync(IReadOnlyList<OutboxEntry> claimed, CancellationToken cancellationToken)
    {
        for (var i = 0; i < claimed.Count; i++)
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                await DeliverAsync(claimed[i], cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                var left = claimed.Skip(i).ToList();
                _logger.LogWarning("Shutdown cut {Count} claimed notifications off; they stay in the outbox for the next start or another node", left.Count);
                foreach (var entry in left)
                {
                    await _outbox.RescheduleAsync(entry.DeliveryId, NodeId, _wall.GetUtcNow(), "cut off by shutdown", CancellationToken.None);
                }

                throw;
            }
        }
    }

    private async Task WriteUnwrittenAsync(CancellationToken cancellationToken)
    {
        if (_unwritten.IsEmpty)
        {
            return;
        }

        var waiting = _unwritten.ToArray();
        await _outbox.EnqueueAsync(waiting, _wall.GetUtcNow(), cancellationToken);
        for (var i = 0; i < waiting.Length; i++)
        {
            _unwritten.TryDequeue(out _);
        }
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_poll);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The poll interval passed, or the host is stopping: either way, look at the outbox again.
        }
    }

    private async Task DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var notification = entry.Notification;
        if (_channels.For(notification.Contact) is not { } channel)
        {
            var reason = await _undeliverable.RecordAsync(notification, cancellationToken);
            await _outbox.AbandonAsync(entry.DeliveryId, NodeId, _wall.GetUtcNow(), reason, CancellationToken.None);
            return;
        }

        NotificationDelivery delivery;
        try
        {
            delivery = await channel.DeliverAsync(notification, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(e, "Delivering notification of {Alert} via {Channel} failed", notification.AlertKey, channel.Name);
            delivery = new NotificationDelivery(notification, channel.Name, _wall.GetUtcNow(), false, 0, e.Message);
        }

        await SettleAsync(entry, channel.Name, delivery);
    }

    // After a delivery the outcome is recorded even while stopping: a delivered entry must not be sent again.
    private async Task SettleAsync(OutboxEntry entry, string channel, NotificationDelivery delivery)
    {
        var n = entry.Notification;
        var now = _wall.GetUtcNow();
        if (delivery.Delivered)
        {
            await _outbox.MarkDeliveredAsync(entry.DeliveryId, now, CancellationToken.None);
        }
        else if (_policy.GivesUp(entry.Claims))
        {
            _logger.LogError("Notification {Kind} of {Alert} to {Contact} via {Channel} is given up after {Rounds} rounds: {Error}",
                n.Kind, n.AlertKey, n.Contact, channel, entry.Claims, delivery.Error);
            await _outbox.AbandonAsync(entry.DeliveryId, NodeId, now, $"given up after {entry.Claims} rounds: {delivery.Error}", CancellationToken.None);
        }
        else
        {
            var retryAt = _policy.RetryAt(entry.Claims, now);
            _logger.LogWarning("Notification {Kind} of {Alert} to {Contact} via {Channel} failed after {Attempts} attempts: {Error}; trying again at {RetryAt:O}",
                n.Kind, n.AlertKey, n.Contact, channel, delivery.Attempts, delivery.Error, retryAt);
            await _outbox.RescheduleAsync(entry.DeliveryId, NodeId, retryAt, delivery.Error ?? "not delivered", CancellationToken.None);
        }
    }
}
