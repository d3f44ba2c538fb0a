using Tianshan.Core.Platform;
using Tianshan.Core.Warnings.Cap;

namespace Tianshan.Core.Warnings;

/// <summary>Who we are in CAP: sender, sender name, the GB/T 35965.1 identifier parts, and the public web address.</summary>
public sealed class CapOptions
{
    public const string Section = "Warnings:Cap";

    /// <summary>CAP sender: a globally unique name of the issuing authority (no spaces, commas or '&lt;', '&amp;').</summary>
    public string Sender { get; set; } = "yjglj.dushanzi.karamay.xj.cn";
    public string SenderName { get; set; } = "独山子区应急管理局";
    public string SenderNameEn { get; set; } = "Dushanzi District Emergency Management Bureau";
    /// <summary>GB/T 2260 code of the issuing district.</summary>
    public string DivisionCode { get; set; } = "650202";
    /// <summary>GB/T 4657 organisation code (3 digits). Set the issuing authority's own; "000" when not assigned.</summary>
    public string OrganisationCode { get; set; } = "000";
    /// <summary>The public page's absolute address, for CAP &lt;web&gt; and the Atom feed (e.g. https://yj.dsz.gov.cn).</summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>Radius (km) of the circle written for a community picked by its centre: the registry holds community
    /// centres, not boundaries, so a circle gives aggregators a shape while the geocode names the community exactly.</summary>
    public double CommunityRadiusKm { get; set; } = 1.0;
    /// <summary>Contact line in &lt;contact&gt; (the duty phone).</summary>
    public string Contact { get; set; } = "独山子区应急管理局值班电话 0990-3868110（演示）";

    /// <summary>
    /// What is wrong with the configuration, in Chinese naming the setting, checked at start: the identifier parts must have
    /// the GB/T 35965.1 form (6-digit GB/T 2260 division code, 3-digit GB/T 4657 organisation code), or every publication
    /// would fail, and the sender must be a CAP 1.2 §3.2.1 sender (no spaces, commas, '&lt;' or '&amp;').
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (DivisionCode is not { Length: 6 } || !DivisionCode.All(char.IsAsciiDigit) || DivisionCode[0] == '0')
            problems.Add($"{Section}:DivisionCode 应为 6 位数字的 GB/T 2260 行政区划代码（如独山子区 650202），当前为“{DivisionCode}”");
        if (OrganisationCode is not { Length: 3 } || !OrganisationCode.All(char.IsAsciiDigit))
            problems.Add($"{Section}:OrganisationCode 应为 3 位数字的 GB/T 4657 机构代码（GB/T 35965.1 预警信息标识的第 7–9 位；未分配时为 000），当前为“{OrganisationCode}”");
        if (string.IsNullOrWhiteSpace(Sender) || Sender.Any(ch => char.IsWhiteSpace(ch) || ch is ',' or '<' or '&'))
            problems.Add($"{Section}:Sender 应为不含空格、逗号、“<”和“&”的发布者标识（CAP 1.2 §3.2.1），当前为“{Sender}”");
        return problems;
    }
}

/// <summary>A community the warning covers: code, name and centre.</summary>
public sealed record WarningCommunity(string Code, string Name, string StreetName, double? Latitude, double? Longitude, int Residents);

/// <summary>A published warning as a CAP 1.2 alert (<c>CapAlert.ToXml()</c>).</summary>
public static class WarningCap
{
    /// <summary>Value name of a geocode that is a GB/T 2260 administrative code (district) or its 统计用区划代码 extension
    /// (street 9 digits, community 12 digits).</summary>
    public const string GeocodeName = "GB/T 2260";

    public static CapAlert ToAlert(Warning w, IReadOnlyList<WarningCommunity> communities, CapOptions options)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(options);
        var type = WarningEventTypes.Find(w.EventType) ?? throw new InvalidOperationException($"Unknown event type {w.EventType}");
        var sent = ChinaTime.ToChina(w.PublishedAt ?? throw new InvalidOperationException("Not published"));
        var cancel = w.MessageType == WarningMessageType.Cancel;
        var area = new CapArea
        {
            AreaDesc = w.AreaDescription,
            Polygons = w.Polygons,
            Circles = [.. communities.Where(c => c.Latitude is not null && c.Longitude is not null)
                .Select(c => CapGeometry.FormatCircle(c.Latitude!.Value, c.Longitude!.Value, options.CommunityRadiusKm)), .. w.Circles],
            Geocodes = [new CapValue(GeocodeName, options.DivisionCode), .. communities.Select(c => new CapValue(GeocodeName, c.Code))],
        };
        var web = options.PublicBaseUrl is { Length: > 0 } baseUrl ? $"{baseUrl.TrimEnd('/')}/public/warnings" : null;
        CapInfo Info(string language, string eventName, string senderName, string headline, string description, string? instruction) => new()
        {
            Language = language,
            Categories = [type.CapCategory],
            Event = eventName,
            ResponseTypes = [cancel ? "AllClear" : "Prepare"],
            Urgency = WarningLevels.Urgency(sent, w.Onset, cancel),
            Severity = WarningLevels.Severity(w.Level),
            Certainty = WarningLevels.Certainty(sent, w.Onset),
            Audience = language == "zh-CN" ? "公众" : "General public",
            EventCodes = [new CapValue("Tianshan:EventType", type.Key), new CapValue("Tianshan:Level", WarningLevels.EnglishColour(w.Level))],
            Effective = sent,
            Onset = ChinaTime.ToChina(w.Onset),
            Expires = ChinaTime.ToChina(w.Expires),
            SenderName = senderName,
            Headline = headline,
            Description = description,
            Instruction = instruction,
            Web = web,
            Contact = options.Contact,
            Areas = [area],
        };
        var infos = new List<CapInfo>
        {
            Info("zh-CN", $"{type.Name}{WarningLevels.Colour(w.Level)}预警", options.SenderName, w.Headline, w.Description, Blank(w.Instruction)),
        };
        if (w.HeadlineEn is { } headlineEn)
            infos.Add(Info("en-US", $"{type.EnglishName} {WarningLevels.EnglishColour(w.Level)} Warning", options.SenderNameEn, headlineEn,
                w.DescriptionEn ?? headlineEn, w.InstructionEn));
        return new CapAlert
        {
            Identifier = w.Identifier ?? throw new InvalidOperationException("No identifier"),
            Sender = w.Sender ?? options.Sender,
            Sent = sent,
            Status = "Actual",
            MsgType = w.MessageType.ToString(),
            Scope = "Public",
            Note = w.IsDemo ? "演示数据 / demo data" : null,
            References = w.References,
            Infos = infos,
        };
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>"独山子区 金山路街道 金山社区、喀什路社区" plus "及绘制区域" when a shape was drawn.</summary>
    public static string Describe(string districtName, IReadOnlyList<WarningCommunity> communities, bool drawn)
    {
        var parts = communities.GroupBy(c => c.StreetName).Select(g => $"{g.Key}{string.Join("、", g.Select(c => c.Name))}");
        var text = communities.Count == 0 ? districtName : $"{districtName}{string.Join("，", parts)}";
        return drawn ? (communities.Count == 0 ? $"{districtName}绘制区域" : text + "及绘制区域") : text;
    }
}
