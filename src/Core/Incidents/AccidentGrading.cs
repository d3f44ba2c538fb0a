namespace Tianshan.Core.Incidents;

/// <summary>The four grades of 国务院令493号 第三条 (and of 突发事件应对法 第三条), lowest to highest.</summary>
public enum AccidentGrade
{
    /// <summary>一般.</summary>
    General = 1,
    /// <summary>较大.</summary>
    Larger = 2,
    /// <summary>重大.</summary>
    Major = 3,
    /// <summary>特别重大.</summary>
    ExtraordinarilyMajor = 4,
}

/// <summary>Response level Ⅰ–Ⅳ (突发事件应对法 第三条: 特别重大、重大、较大、一般), Ⅰ highest.</summary>
public enum ResponseLevel
{
    I = 1,
    II = 2,
    III = 3,
    IV = 4,
}

/// <summary>Which of the three criteria set the grade (the highest one reached).</summary>
public sealed record AccidentGrading(AccidentGrade Grade, AccidentGrade ByDeaths, AccidentGrade BySeriousInjuries, AccidentGrade ByDirectLoss)
{
    // 国务院令493号 第三条 thresholds; "以上"含本数, "以下"不含本数 (第三条第二款).
    private static readonly (AccidentGrade Grade, int Deaths, int SeriousInjuries, decimal LossYuan)[] Thresholds =
    [
        (AccidentGrade.ExtraordinarilyMajor, 30, 100, 100_000_000m),
        (AccidentGrade.Major, 10, 50, 50_000_000m),
        (AccidentGrade.Larger, 3, 10, 10_000_000m),
    ];

    /// <summary>
    /// 国务院令493号 第三条: the grade is the highest that any of deaths, serious injuries (incl. acute industrial poisoning)
    /// or direct economic loss reaches (the clause joins them with 或者), each threshold inclusive.
    /// </summary>
    public static AccidentGrading Of(int deaths, int seriousInjuries, decimal directLossYuan)
    {
        if (deaths < 0 || seriousInjuries < 0 || directLossYuan < 0)
            throw new Platform.DomainValidationException(new Dictionary<string, string[]>
            {
                [deaths < 0 ? "deaths" : seriousInjuries < 0 ? "seriousInjuries" : "directLossYuan"] = ["死亡、重伤人数和直接经济损失不能为负数"],
            });
        var byDeaths = Reached(t => deaths >= t.Deaths);
        var byInjuries = Reached(t => seriousInjuries >= t.SeriousInjuries);
        var byLoss = Reached(t => directLossYuan >= t.LossYuan);
        var grade = (AccidentGrade)Math.Max((int)byDeaths, Math.Max((int)byInjuries, (int)byLoss));
        return new AccidentGrading(grade, byDeaths, byInjuries, byLoss);
    }

    private static AccidentGrade Reached(Func<(AccidentGrade Grade, int Deaths, int SeriousInjuries, decimal LossYuan), bool> reached)
    {
        foreach (var t in Thresholds)
        {
            if (reached(t))
                return t.Grade;
        }
        return AccidentGrade.General;
    }

    /// <summary>Why: the criteria that reached the grade, in Chinese ("死亡 3 人").</summary>
    public string Reason(int deaths, int seriousInjuries, decimal directLossYuan)
    {
        if (Grade == AccidentGrade.General)
            return "未达到较大事故标准";
        var parts = new List<string>();
        if (ByDeaths == Grade)
            parts.Add($"死亡 {deaths} 人");
        if (BySeriousInjuries == Grade)
            parts.Add($"重伤（含急性工业中毒） {seriousInjuries} 人");
        if (ByDirectLoss == Grade)
            parts.Add($"直接经济损失 {IncidentLabels.Yuan(directLossYuan)}");
        return string.Join("、", parts);
    }
}
