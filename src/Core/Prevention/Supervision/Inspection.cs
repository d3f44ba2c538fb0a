using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Prevention;

/// <summary>The result of one checklist item.</summary>
public enum CheckResult
{
    /// <summary>符合.</summary>
    Compliant = 1,
    /// <summary>不符合: a finding.</summary>
    NonCompliant = 2,
    /// <summary>不适用.</summary>
    NotApplicable = 3,
}

/// <summary>One line of an inspection record: the checklist item, the result, what was seen, and the hazard it became.</summary>
public sealed class InspectionItem
{
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public CheckResult Result { get; set; }
    public string? Note { get; set; }
    public Guid? HiddenHazardId { get; set; }
}

/// <summary>
/// An inspection (监督检查) of one enterprise: who went, whether it was unannounced (四不两直), the checklist with each item's
/// result, and the signatures. A non-compliant item becomes a hidden hazard of the enterprise in one step.
/// </summary>
public sealed class Inspection
{
    private Inspection() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>e.g. JC-2026-00012.</summary>
    public string Number { get; private set; } = "";
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public DateOnly InspectedOn { get; private set; }
    public string Template { get; private set; } = "";
    /// <summary>The inspectors' names, as they sign (at least two: 行政处罚法 第四十二条 执法人员不得少于两人).</summary>
    public List<string> Inspectors { get; private set; } = [];
    /// <summary>四不两直: not announced, no greeting, no briefing, no escort; straight to the site.</summary>
    public bool Unannounced { get; private set; }
    /// <summary>The 双随机 draw that sent this inspection, if any.</summary>
    public Guid? DrawId { get; private set; }
    public List<InspectionItem> Items { get; private set; } = [];
    /// <summary>The enterprise's representative who signed the record.</summary>
    public string EnterpriseSignatory { get; private set; } = "";
    public string? Summary { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public int Findings => Items.Count(i => i.Result == CheckResult.NonCompliant);

    public static Inspection Record(Guid enterpriseId, string number, DateOnly inspectedOn, InspectionChecklists.Template template,
        IReadOnlyList<string> inspectors, bool unannounced, Guid? drawId, IReadOnlyList<(int Number, CheckResult Result, string? Note)> results,
        string enterpriseSignatory, string? summary, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(inspectors);
        ArgumentNullException.ThrowIfNull(results);
        var errors = new Dictionary<string, string[]>();
        var names = inspectors.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct().ToList();
        if (names.Count < 2)
            errors["inspectors"] = ["执法检查人员不得少于两人（行政处罚法第四十二条），请填写全部检查人员"];
        if (string.IsNullOrWhiteSpace(enterpriseSignatory))
            errors["enterpriseSignatory"] = ["请填写企业签字人"];
        if (inspectedOn > DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime))
            errors["inspectedOn"] = ["检查日期不能晚于今天"];
        var byNumber = results.ToDictionary(r => r.Number);
        var missing = template.Items.Where(i => !byNumber.ContainsKey(i.Number)).Select(i => i.Number).ToList();
        if (missing.Count > 0)
            errors["items"] = [$"检查表第 {string.Join("、", missing)} 项未填写结果"];
        var unknown = byNumber.Keys.Where(n => template.Items.All(i => i.Number != n)).ToList();
        if (unknown.Count > 0)
            errors["items"] = [$"检查表没有第 {string.Join("、", unknown)} 项"];
        var unexplained = results.Where(r => r.Result == CheckResult.NonCompliant && string.IsNullOrWhiteSpace(r.Note)).Select(r => r.Number).ToList();
        if (unexplained.Count > 0)
            errors["notes"] = [$"不符合项须写明发现的问题：第 {string.Join("、", unexplained)} 项"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return new Inspection
        {
            EnterpriseId = enterpriseId,
            Number = number,
            InspectedOn = inspectedOn,
            Template = template.Code,
            Inspectors = names,
            Unannounced = unannounced,
            DrawId = drawId,
            Items = template.Items.Select(i => new InspectionItem
            {
                Number = i.Number, Text = i.Text, Result = byNumber[i.Number].Result, Note = byNumber[i.Number].Note?.Trim(),
            }).ToList(),
            EnterpriseSignatory = enterpriseSignatory.Trim(),
            Summary = summary?.Trim(),
            RecordedBy = by,
            RecordedAt = now,
        };
    }

    /// <summary>The details of the hazard a finding becomes (its number is given by the caller, who registers it).</summary>
    public HiddenHazardDetails FindingAsHazard(int itemNumber)
    {
        var item = Items.FirstOrDefault(i => i.Number == itemNumber)
            ?? throw new NotFoundException($"检查记录没有第 {itemNumber} 项");
        if (item.Result != CheckResult.NonCompliant)
            throw new WorkflowException($"第 {itemNumber} 项检查结果为符合或不适用，不是问题项");
        if (item.HiddenHazardId is not null)
            throw new WorkflowException($"第 {itemNumber} 项已转为隐患");
        var title = item.Note!.Length <= 60 ? item.Note : item.Note[..60] + "…";
        return new HiddenHazardDetails
        {
            Title = title,
            Description = $"监督检查 {Number}（{InspectedOn:yyyy-MM-dd}，{string.Join("、", Inspectors)}{(Unannounced ? "，四不两直" : "")}）发现：{item.Note}\n检查项：{item.Text}",
            Location = "",
            // Noon of the inspection day (Beijing), but never later than the record itself.
            FoundAt = new[] { new DateTimeOffset(InspectedOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)).ToUniversalTime(), RecordedAt }.Min(),
        };
    }

    public void LinkHazard(int itemNumber, Guid hazardId) => Items.Single(i => i.Number == itemNumber).HiddenHazardId = hazardId;
}
