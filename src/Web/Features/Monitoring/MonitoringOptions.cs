using System.ComponentModel.DataAnnotations;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>"Monitoring" section.</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>The escalation ladder for unacknowledged alarms (enterprise duty → principal → street → bureau).</summary>
    [Required]
    public List<EscalationStep> Escalation { get; set; } =
    [
        new() { AfterMinutes = 0, Recipient = "企业值班人员" },
        new() { AfterMinutes = 5, Recipient = "企业主要负责人" },
        new() { AfterMinutes = 15, Recipient = "属地街道" },
        new() { AfterMinutes = 30, Recipient = "区应急管理局" },
    ];

    /// <summary>How often stale data (通信中断), shelving expiry and escalation are checked.</summary>
    [Range(1, 3600)]
    public int TickSeconds { get; set; } = 1;

    /// <summary>How often closed minutes are rolled up (packed with their aggregates): often enough that
    /// <c>incoming</c> holds only the last minute or two, so a trend reads packed minutes rather than scanning it.</summary>
    [Range(1, 600)]
    public int RollUpSeconds { get; set; } = 15;

    /// <summary>Play the demo sensors over MQTT (the Dushanzi demo turns this on in appsettings.json).</summary>
    public bool DemoFeed { get; set; }

    [Range(1, 3600)]
    public int DemoFeedSeconds { get; set; } = 5;
}

public sealed class EscalationStep
{
    [Range(0, 1440)]
    public int AfterMinutes { get; set; }

    [Required]
    public string Recipient { get; set; } = "";
}
