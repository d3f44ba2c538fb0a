namespace Tianshan.Core.Warnings;

/// <summary>How a delivery reaches its recipient.</summary>
public enum WarningChannel
{
    /// <summary>短信 through a generic HTTP SMS gateway.</summary>
    Sms = 1,
    /// <summary>企业微信群机器人 (webhook).</summary>
    WeCom = 2,
    /// <summary>电子邮件 (SMTP).</summary>
    Email = 3,
    /// <summary>应急广播 (HTTP endpoint).</summary>
    Broadcast = 4,
    /// <summary>电子显示屏 (HTTP endpoint).</summary>
    DisplayScreen = 5,
    /// <summary>社区大喇叭 (HTTP endpoint).</summary>
    Loudspeaker = 6,
    /// <summary>门户网站公众页面: delivered by being published.</summary>
    WebPage = 7,
}

/// <summary>Who a contact is, for recipient groups.</summary>
public enum ContactCategory
{
    /// <summary>社区工作人员 / 网格员 / 楼栋长.</summary>
    CommunityStaff = 1,
    /// <summary>居民联系人 (household contacts who signed up).</summary>
    Resident = 2,
    /// <summary>易受影响人群: 独居老人、残疾人、孕产妇… and their carers.</summary>
    Vulnerable = 3,
    /// <summary>辖区企业 (from the enterprise registry).</summary>
    Enterprise = 4,
    /// <summary>社区设备与群组: a WeCom group robot, a loudspeaker, a display screen, a broadcast terminal.</summary>
    Device = 5,
    /// <summary>避难场所管理员: resolved from the resource atlas's shelters inside or near the warning area.</summary>
    ShelterManager = 6,
}

/// <summary>
/// One entry of the warning contact ledger (预警接收人名录) of a community: a person with a phone or e-mail, or a
/// device / group endpoint. <see cref="Reach"/> is how many people a successful delivery to it reaches (1 for a person,
/// the households within earshot for a loudspeaker): the coverage statistic sums it, capped at the community's residents.
/// </summary>
public sealed class WarningContact
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Community division code (12 digits).</summary>
    public string CommunityCode { get; set; } = "";
    public string Name { get; set; } = "";
    public ContactCategory Category { get; set; }
    public WarningChannel Channel { get; set; }
    /// <summary>Phone number, e-mail address, webhook URL or device endpoint URL, by channel.</summary>
    public string Address { get; set; } = "";
    public int Reach { get; set; } = 1;
    public string? Note { get; set; }
    public bool IsDemo { get; set; }
}

public static class ChannelLabels
{
    public static readonly IReadOnlyList<WarningChannel> All = Enum.GetValues<WarningChannel>();

    public static string Label(WarningChannel channel) => channel switch
    {
        WarningChannel.Sms => "短信",
        WarningChannel.WeCom => "企业微信群",
        WarningChannel.Email => "电子邮件",
        WarningChannel.Broadcast => "应急广播",
        WarningChannel.DisplayScreen => "电子显示屏",
        WarningChannel.Loudspeaker => "社区大喇叭",
        WarningChannel.WebPage => "门户网站",
        _ => channel.ToString(),
    };

    public static string Label(ContactCategory category) => category switch
    {
        ContactCategory.CommunityStaff => "社区工作人员",
        ContactCategory.Resident => "居民联系人",
        ContactCategory.Vulnerable => "易受影响人群",
        ContactCategory.Enterprise => "辖区企业",
        ContactCategory.Device => "设备/群组",
        ContactCategory.ShelterManager => "避难场所管理员",
        _ => category.ToString(),
    };

    public static string Label(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "待发送",
        DeliveryStatus.Sending => "发送中",
        DeliveryStatus.Retrying => "等待重试",
        DeliveryStatus.Sent => "已发送",
        DeliveryStatus.Delivered => "已送达",
        DeliveryStatus.Read => "已读",
        DeliveryStatus.Failed => "失败",
        DeliveryStatus.Unknown => "状态未知",
        _ => status.ToString(),
    };
}
