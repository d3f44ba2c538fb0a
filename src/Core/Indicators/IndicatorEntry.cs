using Tianshan.Core.Platform;

namespace Tianshan.Core.Indicators;

/// <summary>
/// The value of an <see cref="IndicatorSource.Entered"/> indicator for a year, as the bureau entered it with its evidence
/// (the department's report, the document number). A later entry for the same year supersedes an earlier one; both stay.
/// </summary>
public sealed class IndicatorEntry
{
    private IndicatorEntry() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Code { get; private set; } = "";
    public int Year { get; private set; }
    public decimal Value { get; private set; }
    public string Evidence { get; private set; } = "";
    public string EnteredBy { get; private set; } = "";
    public DateTimeOffset EnteredAt { get; private set; }

    public static IndicatorEntry Enter(IndicatorDefinition definition, int? year, decimal? value, string? evidence, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new Dictionary<string, string[]>();
        if (definition.Source != IndicatorSource.Entered)
            throw new WorkflowException($"指标 {definition.Code}「{definition.Name}」由平台记录计算，不能手工录入");
        if (year is not { } y || y < 2021 || y > ChinaTime.ToChina(now).Year)
            errors["year"] = ["请填写统计年度（2021 年至今）"];
        if (value is not { } v || v < 0 || (definition.Unit == "%" && v > 100))
            errors["value"] = [definition.Unit == "%" ? "请填写 0–100 之间的百分比" : "请填写不小于 0 的数值"];
        if (string.IsNullOrWhiteSpace(evidence))
            errors["evidence"] = ["请填写数据来源和证明材料（报送单位、文号等）"];
        else if (evidence.Trim().Length > 1000)
            errors["evidence"] = ["证明材料说明不能超过 1000 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return new IndicatorEntry { Code = definition.Code, Year = year!.Value, Value = value!.Value, Evidence = evidence!.Trim(), EnteredBy = by, EnteredAt = now };
    }
}
