namespace Tianshan.Web.Features.Warnings.Channels;

/// <summary>
/// Where each channel's gateway is (Warnings:Channels). A channel without a gateway is either simulated in process
/// (<see cref="Simulate"/>, for the demo: marked "SIM-" in the gateway id and shown as 模拟) or fails with "渠道未配置".
/// </summary>
public sealed class ChannelOptions
{
    public const string Section = "Warnings:Channels";

    /// <summary>Simulate channels that have no gateway configured (the demo appliance); off in production.</summary>
    public bool Simulate { get; set; }

    /// <summary>Generic HTTP SMS gateway: POST JSON {to, text, deliveryKey}, header Idempotency-Key; answers {messageId}.</summary>
    public string? SmsUrl { get; set; }
    public string? SmsApiKey { get; set; }
    /// <summary>SMS signature (短信签名) put in front of the text.</summary>
    public string SmsSignature { get; set; } = "【独山子区应急管理局】";

    /// <summary>WeCom group robot base URL; the contact's address is the robot key.</summary>
    public string? WeComUrl { get; set; }

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool SmtpTls { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string MailFrom { get; set; } = "yjglj@dushanzi.example";

    /// <summary>Emergency-broadcast platform, display-screen platform and loudspeaker platform: POST JSON {terminal, text, level,
    /// identifier, deliveryKey}, header Idempotency-Key; 2xx means the terminal took it.</summary>
    public string? BroadcastUrl { get; set; }
    public string? DisplayScreenUrl { get; set; }
    public string? LoudspeakerUrl { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
