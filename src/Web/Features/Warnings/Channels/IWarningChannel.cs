using Tianshan.Core.Warnings;

namespace Tianshan.Web.Features.Warnings.Channels;

/// <summary>One message for one recipient, as an adapter sends it. <see cref="DeliveryKey"/> goes to the gateway with every attempt.</summary>
public sealed record OutgoingMessage(string DeliveryKey, string Address, string RecipientName, string Identifier, WarningLevel Level,
    string Title, string Text, string CapXml);

/// <summary>What the gateway said: accepted (and whether that already means delivered), or failed — permanently or not.</summary>
public sealed record ChannelResult(bool Accepted, bool Delivered, string? GatewayMessageId, string? Error, bool Permanent)
{
    public static ChannelResult Ok(bool delivered, string? id = null) => new(true, delivered, id, null, false);

    public static ChannelResult Fail(string error, bool permanent = false) => new(false, false, null, error, permanent);
}

/// <summary>
/// A delivery channel (SMS, WeCom group robot, e-mail, broadcast, display screen, loudspeaker, web page): the one
/// interface the outbox dispatcher sends through. An adapter throws nothing for a gateway's refusal — it returns
/// <see cref="ChannelResult.Fail"/>; network errors and time-outs surface as exceptions and are retried.
/// </summary>
public interface IWarningChannel
{
    WarningChannel Kind { get; }

    /// <summary>The gateway honours the delivery key (sends a key it has seen once only): an attempt interrupted by a
    /// restart may be repeated safely. Otherwise it is left for a person to check (docs/decisions/007).</summary>
    bool DeduplicatesByKey { get; }

    Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}
