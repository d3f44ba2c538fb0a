using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Tianshan.Core.Warnings;

namespace Tianshan.Web.Features.Warnings.Channels;

/// <summary>
/// 电子邮件 over SMTP (MailKit), with the CAP XML attached. The Message-Id is derived from the delivery key, so a
/// receiving system can drop a repeat, but an SMTP relay does not de-duplicate: an attempt interrupted by a restart is
/// not repeated. Accepted by the relay counts as sent (SMTP reports nothing further).
/// </summary>
public sealed class EmailChannel(IOptions<ChannelOptions> options) : IWarningChannel
{
    public WarningChannel Kind => WarningChannel.Email;

    public bool DeduplicatesByKey => false;

    public async Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        if (string.IsNullOrEmpty(o.SmtpHost))
            return ChannelResult.Fail("电子邮件渠道未配置 SMTP 服务器", permanent: true);
        if (!MailboxAddress.TryParse(message.Address, out var to))
            return ChannelResult.Fail($"邮箱地址无效：{message.Address}", permanent: true);
        var mail = new MimeMessage { Subject = message.Title, MessageId = $"{message.DeliveryKey}@tianshan" };
        mail.From.Add(MailboxAddress.Parse(o.MailFrom));
        mail.To.Add(to);
        mail.Headers.Add("X-Delivery-Key", message.DeliveryKey);
        var body = new BodyBuilder { TextBody = message.Text };
        body.Attachments.Add($"{message.Identifier}.xml", System.Text.Encoding.UTF8.GetBytes(message.CapXml), new ContentType("application", "cap+xml"));
        mail.Body = body.ToMessageBody();
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SmtpTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (o.SmtpUser is { Length: > 0 } user)
            await client.AuthenticateAsync(user, o.SmtpPassword ?? "", ct);
        try
        {
            var reply = await client.SendAsync(mail, ct);
            return ChannelResult.Ok(delivered: false, mail.MessageId);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            return ChannelResult.Fail($"SMTP 拒收：{(int)e.StatusCode} {e.Message}", permanent: true);
        }
        finally
        {
            await client.DisconnectAsync(true, ct);
        }
    }
}

/// <summary>For the demo appliance: a channel with no gateway configured is simulated (gateway id "SIM-…"), never silently.</summary>
public sealed class SimulatedChannel(WarningChannel kind) : IWarningChannel
{
    public WarningChannel Kind => kind;

    public bool DeduplicatesByKey => true;

    public Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken ct) =>
        Task.FromResult(ChannelResult.Ok(delivered: true, "SIM-" + message.DeliveryKey[^16..]));
}
