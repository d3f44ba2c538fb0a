using System.Security.Cryptography;
using System.Text;

namespace Tianshan.Core.Warnings;

/// <summary>Where one delivery stands (docs/decisions/008-warning-outbox.md).</summary>
public enum DeliveryStatus
{
    /// <summary>In the outbox, never tried.</summary>
    Pending = 1,
    /// <summary>Claimed by a dispatcher; the gateway call is in flight (stored before the call).</summary>
    Sending = 2,
    /// <summary>An attempt failed; tried again at <see cref="WarningDelivery.NextAttemptAt"/>.</summary>
    Retrying = 3,
    /// <summary>The gateway accepted it (SMS, e-mail): a receipt may follow.</summary>
    Sent = 4,
    /// <summary>Delivered to the recipient (a receipt, or a channel that delivers synchronously).</summary>
    Delivered = 5,
    /// <summary>Read (where the channel reports it).</summary>
    Read = 6,
    /// <summary>Given up: attempts exhausted, a permanent refusal, or a failure receipt.</summary>
    Failed = 7,
    /// <summary>Was in flight when the host stopped, on a channel that cannot de-duplicate: not re-sent, to be checked by hand.</summary>
    Unknown = 8,
}

/// <summary>Retries and back-off of the outbox (configuration, with these defaults).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Warnings:Delivery";

    public int MaxAttempts { get; set; } = 5;
    /// <summary>Delay after the first failure; doubles after each further one.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>How often the dispatcher looks for due deliveries when not woken by a publication.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Gateway calls in flight at once on one channel. Each channel is sent on its own, so a slow or failing
    /// gateway never holds up another; within a channel this many rows go out side by side.</summary>
    public int ParallelPerChannel { get; set; } = 4;
    /// <summary>Shared secret a gateway sends (header X-Receipt-Token) with delivery receipts; receipts are refused without it.</summary>
    public string? ReceiptToken { get; set; }

    public TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Max(0, attempts - 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay;
    }
}

/// <summary>
/// One message to one recipient over one channel: a row of the outbox, written in the same transaction that publishes
/// the warning. Its <see cref="DeliveryKey"/> is sent to the gateway with every attempt so a gateway that saw it before
/// does not send it again; its state is stored before and after each gateway call, so a restart never sends twice
/// what was delivered (docs/decisions/008-warning-outbox.md).
/// </summary>
public sealed class WarningDelivery
{
    private WarningDelivery() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid WarningId { get; private set; }
    public WarningChannel Channel { get; private set; }
    public string DeliveryKey { get; private set; } = "";
    public string RecipientName { get; private set; } = "";
    public ContactCategory Category { get; private set; }
    public string Address { get; private set; } = "";
    /// <summary>Community of the area the recipient belongs to; null for the public web page and for the manager of a shelter
    /// near the area but outside its communities.</summary>
    public string? CommunityCode { get; private set; }
    public int Reach { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>The gateway's own message id (SMS id, SMTP Message-Id).</summary>
    public string? GatewayMessageId { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    /// <summary>Optimistic concurrency: two dispatchers cannot both claim the same row.</summary>
    public int Version { get; private set; }

    public bool IsReached => Status is DeliveryStatus.Delivered or DeliveryStatus.Read
        || (Status == DeliveryStatus.Sent && Channel is WarningChannel.Email);

    public static WarningDelivery Create(Guid warningId, WarningChannel channel, string recipientName, ContactCategory category, string address,
        string? communityCode, int reach, DateTimeOffset now) => new()
        {
            WarningId = warningId,
            Channel = channel,
            DeliveryKey = KeyOf(warningId, channel, address),
            RecipientName = recipientName,
            Category = category,
            Address = address,
            CommunityCode = communityCode,
            Reach = Math.Max(0, reach),
            Status = DeliveryStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    /// <summary>Deterministic: the same warning, channel and address always give the same key.</summary>
    public static string KeyOf(Guid warningId, WarningChannel channel, string address) =>
        $"{warningId:N}-{(int)channel}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())))[..16]}";

    public bool IsDue(DateTimeOffset now) => Status is DeliveryStatus.Pending or DeliveryStatus.Retrying && NextAttemptAt <= now;

    /// <summary>Taken for an attempt: stored as Sending (with the attempt counted) before the gateway is called.</summary>
    public void Claim(DateTimeOffset now)
    {
        if (!IsDue(now))
            throw new InvalidOperationException($"Delivery {Id} is {Status}, not due");
        Status = DeliveryStatus.Sending;
        Attempts++;
        LastAttemptAt = now;
        Version++;
    }

    /// <summary>The gateway took it: <paramref name="delivered"/> when the channel delivers synchronously (robot, screen).</summary>
    public void Accepted(bool delivered, string? gatewayMessageId, DateTimeOffset now)
    {
        RequireSending();
        GatewayMessageId = gatewayMessageId;
        SentAt = now;
        LastError = null;
        if (delivered)
        {
            DeliveredAt = now;
            Status = DeliveryStatus.Delivered;
        }
        else
        {
            Status = DeliveryStatus.Sent;
        }
        Version++;
    }

    /// <summary>An attempt failed: retried after the back-off unless it was permanent or the attempts are used up.</summary>
    public void AttemptFailed(string error, bool permanent, DeliveryOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireSending();
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (permanent || Attempts - ResendFloor >= options.MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
        }
        else
        {
            Status = DeliveryStatus.Retrying;
            NextAttemptAt = now + options.Backoff(Attempts);
        }
        Version++;
    }

    /// <summary>
    /// After a restart, a row still Sending was in flight when the host stopped: the gateway may or may not have sent it.
    /// Where the gateway de-duplicates by <see cref="DeliveryKey"/> it is tried again with the same key; otherwise it is
    /// left Unknown rather than risk a second message.
    /// </summary>
    public void RecoverInFlight(bool gatewayDeduplicates, DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Sending)
            return;
        if (gatewayDeduplicates)
        {
            Status = DeliveryStatus.Retrying;
            NextAttemptAt = now;
        }
        else
        {
            Status = DeliveryStatus.Unknown;
            LastError = "发送过程中服务重启，该渠道无法去重，未重发，请人工核实";
        }
        Version++;
    }

    /// <summary>
    /// 重新发送, by a person, of a delivery that failed or whose fate is unknown: back in the outbox with the <b>same</b>
    /// delivery key, so a gateway that de-duplicates answers without sending twice. A row that was sent, delivered or read
    /// is never sent again. An Unknown row on a channel that cannot de-duplicate may already have arrived: it is re-sent
    /// only when the person confirms the recipient did not get it. It gets one more attempt (and the back-off retries a
    /// transient failure until <see cref="DeliveryOptions.MaxAttempts"/> more attempts are used); the attempt count is kept.
    /// </summary>
    public void Resend(bool gatewayDeduplicates, bool confirmedNotReceived, DeliveryOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Status is not (DeliveryStatus.Failed or DeliveryStatus.Unknown))
            throw new Platform.WorkflowException($"该投递当前为“{ChannelLabels.Label(Status)}”，只有“失败”或“状态未知”的投递可以重新发送");
        if (Status == DeliveryStatus.Unknown && !gatewayDeduplicates && !confirmedNotReceived)
            throw new Platform.WorkflowException("该渠道无法去重，上次发送可能已经送达：请先向接收人核实未收到，再确认重新发送");
        Status = DeliveryStatus.Retrying;
        NextAttemptAt = now;
        ResendFloor = Attempts;
        LastError = null;
        Version++;
    }

    /// <summary>Attempts made before the last manual resend: the retry budget counts from here.</summary>
    public int ResendFloor { get; private set; }

    /// <summary>A receipt (回执) from the gateway. States only move forward: a late "delivered" after "read" changes nothing.</summary>
    public bool ApplyReceipt(DeliveryStatus reported, string? error, DateTimeOffset at)
    {
        if (Status is not (DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Read))
            return false;
        switch (reported)
        {
            case DeliveryStatus.Delivered when Status == DeliveryStatus.Sent:
                Status = DeliveryStatus.Delivered;
                DeliveredAt = at;
                break;
            case DeliveryStatus.Read when Status != DeliveryStatus.Read:
                DeliveredAt ??= at;
                ReadAt = at;
                Status = DeliveryStatus.Read;
                break;
            case DeliveryStatus.Failed when Status == DeliveryStatus.Sent:
                Status = DeliveryStatus.Failed;
                LastError = error ?? "网关回执：发送失败";
                break;
            default:
                return false;
        }
        Version++;
        return true;
    }

    private void RequireSending()
    {
        if (Status != DeliveryStatus.Sending)
            throw new InvalidOperationException($"Delivery {Id} is {Status}, not Sending");
    }
}
