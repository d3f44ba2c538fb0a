using Tianshan.Core.Platform;
using Tianshan.Core.Resources;

namespace Tianshan.Core.Incidents.DisasterReports;

/// <summary>Hazard types of 自然灾害情况统计调查制度 (the categories a 灾情报送 names).</summary>
public enum DisasterType
{
    Earthquake = 1,
    Flood = 2,
    WindHail = 3,
    Snow = 4,
    Geological = 5,
    Drought = 6,
    Wildfire = 7,
    Other = 9,
}

/// <summary>初报 → 续报 (any number) → 核报 (自然灾害情况统计调查制度: 初报、续报、核报).</summary>
public enum ReportStage
{
    /// <summary>初报.</summary>
    Initial = 1,
    /// <summary>续报.</summary>
    Update = 2,
    /// <summary>核报.</summary>
    Final = 3,
}

public enum DisasterReportStatus
{
    /// <summary>报送中 (初报/续报 filed, 核报 not yet).</summary>
    Reporting = 1,
    /// <summary>待街道核实 (核报 filed).</summary>
    AwaitingVerification = 2,
    /// <summary>已核实.</summary>
    Verified = 3,
}

/// <summary>The figures of one report (受灾人口, 死亡, 失踪, 紧急转移安置, 倒塌/损坏房屋, 农作物受灾面积, 直接经济损失).</summary>
public sealed record DisasterFigures
{
    public int AffectedPeople { get; init; }
    public int Deaths { get; init; }
    public int Missing { get; init; }
    public int Injured { get; init; }
    public int Relocated { get; init; }
    /// <summary>倒塌房屋 (间).</summary>
    public int HousesCollapsed { get; init; }
    /// <summary>损坏房屋 (间).</summary>
    public int HousesDamaged { get; init; }
    /// <summary>农作物受灾面积 (公顷).</summary>
    public decimal CropsHectares { get; init; }
    /// <summary>直接经济损失 (万元).</summary>
    public decimal DirectLossWanYuan { get; init; }

    public static readonly DisasterFigures Zero = new();

    public void Validate()
    {
        if (AffectedPeople < 0 || Deaths < 0 || Missing < 0 || Injured < 0 || Relocated < 0 || HousesCollapsed < 0 || HousesDamaged < 0
            || CropsHectares < 0 || DirectLossWanYuan < 0)
            throw new DomainValidationException("figures", "灾情数字不能为负数");
        if (Deaths + Missing + Injured > AffectedPeople && AffectedPeople > 0)
            throw new DomainValidationException("affectedPeople", "受灾人口应不少于死亡、失踪和受伤人数之和");
    }

    public DisasterFigures Plus(DisasterFigures o) => new()
    {
        AffectedPeople = AffectedPeople + o.AffectedPeople, Deaths = Deaths + o.Deaths, Missing = Missing + o.Missing, Injured = Injured + o.Injured,
        Relocated = Relocated + o.Relocated, HousesCollapsed = HousesCollapsed + o.HousesCollapsed, HousesDamaged = HousesDamaged + o.HousesDamaged,
        CropsHectares = CropsHectares + o.CropsHectares, DirectLossWanYuan = DirectLossWanYuan + o.DirectLossWanYuan,
    };
}

/// <summary>One filing of a report (an 初报, a 续报 or the 核报), with the figures as known then. <see cref="IdempotencyKey"/> is
/// made on the informant's phone when the report is written, so a resend after a lost connection never stores it twice.</summary>
public sealed class DisasterReportEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DisasterReportId { get; set; }
    public DisasterReport? DisasterReport { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public ReportStage Stage { get; set; }
    public DisasterFigures Figures { get; set; } = DisasterFigures.Zero;
    public string? Narrative { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>When the informant wrote it (on the phone, possibly offline).</summary>
    public DateTimeOffset WrittenAt { get; set; }
    /// <summary>When the platform received it.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    public string By { get; set; } = "";
}

/// <summary>A photo attached to a filing (resized on the phone before sending).</summary>
public sealed class DisasterReportPhoto
{
    public const int MaxBytes = 3 * 1024 * 1024;
    public const int MaxPerEntry = 4;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public DisasterReportEntry? Entry { get; set; }
    public string ContentType { get; set; } = "";
    public int Size { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>
/// 灾情报送: a community's report of one disaster, filed by its 灾害信息员 as 初报, then 续报 as figures change, and finally 核报;
/// the street verifies the 核报 (or returns it with a reason for a corrected one). The latest filing's figures are the report's.
/// </summary>
public sealed class DisasterReport
{
    private DisasterReport() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>ZB-yyyyMMdd-xxxxxx.</summary>
    public string Number { get; private set; } = "";
    /// <summary>Made on the phone with the 初报, so filings written offline refer to their report before it reaches the server.</summary>
    public string ClientKey { get; private set; } = "";
    public Guid DivisionId { get; private set; }
    public Division? Division { get; private set; }
    public DisasterType Type { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DisasterReportStatus Status { get; private set; } = DisasterReportStatus.Reporting;
    /// <summary>The latest filing's stage and figures (denormalised for aggregation).</summary>
    public ReportStage LatestStage { get; private set; }
    public DisasterFigures Figures { get; private set; } = DisasterFigures.Zero;
    public DateTimeOffset FiledAt { get; private set; }
    public DateTimeOffset LastFiledAt { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? VerificationNote { get; private set; }
    public string? ReturnReason { get; private set; }
    /// <summary>When the affected people of this community received basic relief (基本生活救助: food, water, clothing,
    /// shelter) — the disaster plan's "8小时之内受灾群众基本生活得到有效救助" is measured from <see cref="OccurredAt"/> to here.</summary>
    public DateTimeOffset? ReliefProvidedAt { get; private set; }
    public string? ReliefProvidedBy { get; private set; }
    public string? ReliefNote { get; private set; }
    public bool IsDemo { get; set; }
    public List<DisasterReportEntry> Entries { get; private set; } = [];

    public static string StageLabel(ReportStage s) => s switch
    {
        ReportStage.Initial => "初报",
        ReportStage.Update => "续报",
        ReportStage.Final => "核报",
        _ => s.ToString(),
    };

    public static string StatusLabel(DisasterReportStatus s) => s switch
    {
        DisasterReportStatus.Reporting => "报送中",
        DisasterReportStatus.AwaitingVerification => "待核实",
        DisasterReportStatus.Verified => "已核实",
        _ => s.ToString(),
    };

    public static string TypeLabel(DisasterType t) => t switch
    {
        DisasterType.Earthquake => "地震",
        DisasterType.Flood => "洪涝",
        DisasterType.WindHail => "风雹",
        DisasterType.Snow => "低温冷冻和雪灾",
        DisasterType.Geological => "地质灾害",
        DisasterType.Drought => "干旱",
        DisasterType.Wildfire => "森林草原火灾",
        DisasterType.Other => "其他",
        _ => t.ToString(),
    };

    /// <summary>Files the 初报 of a new report for a community.</summary>
    public static DisasterReport File(string number, string clientKey, Division community, DisasterType type, string? title, DateTimeOffset occurredAt,
        DisasterReportEntry initial, DateTimeOffset now)
    {
        if (community.Level != DivisionLevel.Community)
            throw new DomainValidationException("communityId", "灾情报送应以社区为单位");
        if (!Enum.IsDefined(type))
            throw new DomainValidationException("type", "请选择灾害种类");
        if (occurredAt > now.AddMinutes(10))
            throw new DomainValidationException("occurredAt", "灾害发生时间不能晚于当前时间");
        if (string.IsNullOrWhiteSpace(clientKey) || clientKey.Length > 64)
            throw new DomainValidationException("reportKey", "报告标识无效");
        if (initial.Stage != ReportStage.Initial)
            throw new WorkflowException("尚未初报：请先报送初报");
        var report = new DisasterReport
        {
            Number = number,
            ClientKey = clientKey,
            DivisionId = community.Id,
            Division = community,
            Type = type,
            Title = string.IsNullOrWhiteSpace(title) ? $"{community.Name}{TypeLabel(type)}灾情" : title.Trim(),
            OccurredAt = occurredAt,
            FiledAt = now,
        };
        if (report.Title.Length > 200)
            throw new DomainValidationException("title", "标题不能超过 200 字");
        report.Add(initial, now);
        return report;
    }

    /// <summary>Adds a 续报 or the 核报.</summary>
    public void AddFollowUp(DisasterReportEntry entry, DateTimeOffset now)
    {
        switch (entry.Stage)
        {
            case ReportStage.Initial:
                throw new WorkflowException("该灾情已初报，请报送续报或核报");
            case ReportStage.Update or ReportStage.Final when Status == DisasterReportStatus.AwaitingVerification:
                throw new WorkflowException("核报已提交，待街道核实，不能再报送");
            case ReportStage.Update or ReportStage.Final when Status == DisasterReportStatus.Verified:
                throw new WorkflowException("该灾情已核实，不能再报送");
        }
        Add(entry, now);
    }

    private void Add(DisasterReportEntry entry, DateTimeOffset now)
    {
        entry.Figures.Validate();
        if (entry.Narrative?.Length > 4000)
            throw new DomainValidationException("narrative", "灾情描述不能超过 4000 字");
        if (entry.Latitude is < -90 or > 90 || entry.Longitude is < -180 or > 180)
            throw new DomainValidationException("latitude", "位置坐标无效");
        entry.DisasterReportId = Id;
        entry.ReceivedAt = now;
        Entries.Add(entry);
        LatestStage = entry.Stage;
        Figures = entry.Figures with { }; // a copy: an owned value belongs to one owner
        LastFiledAt = now;
        ReturnReason = null;
        if (entry.Stage == ReportStage.Final)
            Status = DisasterReportStatus.AwaitingVerification;
    }

    /// <summary>街道核实: the street confirms the 核报.</summary>
    public void Verify(string by, string? note, DateTimeOffset now)
    {
        if (Status == DisasterReportStatus.Verified)
            throw new WorkflowException("该灾情已核实");
        if (Status != DisasterReportStatus.AwaitingVerification)
            throw new WorkflowException("尚未核报，街道只能核实核报");
        Status = DisasterReportStatus.Verified;
        VerifiedBy = by;
        VerifiedAt = now;
        VerificationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>Records when basic relief reached the community's affected people. Recorded once (the indicator measures the
    /// first relief); the time is what happened, which may be before it is entered but not before the disaster.</summary>
    public void RecordRelief(DateTimeOffset providedAt, string? note, string by, DateTimeOffset now)
    {
        if (ReliefProvidedAt is not null)
            throw new WorkflowException("已登记基本生活救助到位时间");
        if (providedAt < OccurredAt)
            throw new DomainValidationException("providedAt", "救助到位时间不能早于灾害发生时间");
        if (providedAt > now.AddMinutes(10))
            throw new DomainValidationException("providedAt", "救助到位时间不能晚于当前时间");
        if (note?.Length > 500)
            throw new DomainValidationException("note", "说明不能超过 500 字");
        ReliefProvidedAt = providedAt;
        ReliefProvidedBy = by;
        ReliefNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>退回: the street sends the 核报 back for a corrected one.</summary>
    public void Return(string by, string? reason, DateTimeOffset now)
    {
        if (Status != DisasterReportStatus.AwaitingVerification)
            throw new WorkflowException("只有待核实的核报可以退回");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainValidationException("reason", "请填写退回原因");
        Status = DisasterReportStatus.Reporting;
        ReturnReason = $"{reason.Trim()}（{by}，{ChinaTime.ToChina(now):yyyy-MM-dd HH:mm}）";
    }
}

/// <summary>灾害信息员: an informant of a community (the plans: two per community, trained at least twice a year).</summary>
public sealed class DisasterInformant : ResourceRecord
{
    /// <summary>The plan's target per community.</summary>
    public const int TargetPerCommunity = 2;

    public string? Phone { get; set; }
    /// <summary>The platform login, if the informant has one.</summary>
    public string? UserName { get; set; }
    // Trainings attended are not kept here: they are counted from training attendance (People), the one truth for DP-03.
}
