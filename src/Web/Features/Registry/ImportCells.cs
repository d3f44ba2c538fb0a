using System.Globalization;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

/// <summary>Parses the text of one Excel cell, collecting a Chinese problem (row, column) instead of throwing.</summary>
internal sealed class ImportCells(int row, Func<string, string> cell, List<ImportProblem> problems)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日", "M/d/yyyy", "yyyyMMdd"];

    public int Row => row;

    public string Text(string column) => cell(column);

    public string? Optional(string column) => cell(column) is { Length: > 0 } v ? v : null;

    public void Problem(string column, string message) => problems.Add(new ImportProblem(row, column, message));

    /// <summary>
    /// The row's community among <paramref name="communities"/>: by its code column when that is filled, else by its name
    /// column, which must name exactly one. Null when neither finds one; the problem is reported on the column used.
    /// <paramref name="notFound"/> ends the not-found message ("不存在", or "不存在或不在您的管辖范围内" for a scoped list).
    /// </summary>
    public T? Community<T>(IReadOnlyCollection<T> communities, Func<T, string> code, Func<T, string> name, string codeColumn, string nameColumn,
        string notFound) where T : class
    {
        var wanted = cell(codeColumn);
        if (wanted.Length > 0)
        {
            var byCode = communities.FirstOrDefault(c => code(c) == wanted);
            if (byCode is null)
                Problem(codeColumn, $"社区代码“{wanted}”{notFound}");
            return byCode;
        }
        var named = cell(nameColumn);
        if (named.Length == 0)
        {
            Problem(nameColumn, "请填写社区代码或社区名称");
            return null;
        }
        var byName = communities.Where(c => name(c) == named).ToList();
        if (byName.Count == 1)
            return byName[0];
        Problem(nameColumn, byName.Count == 0 ? $"社区“{named}”{notFound}" : $"有 {byName.Count} 个社区名为“{named}”，请填写社区代码");
        return null;
    }

    public int Int(string column, int fallback = 0)
    {
        var v = cell(column);
        if (v.Length == 0)
            return fallback;
        if (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == Math.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
            return (int)d;
        Problem(column, $"“{v}”不是整数");
        return fallback;
    }

    public decimal Decimal(string column, decimal fallback = 0)
    {
        var v = cell(column);
        if (v.Length == 0)
            return fallback;
        if (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
            return d;
        Problem(column, $"“{v}”不是数字");
        return fallback;
    }

    public decimal? OptionalDecimal(string column) => cell(column).Length == 0 ? null : Decimal(column);

    public double? OptionalDouble(string column)
    {
        var v = cell(column);
        if (v.Length == 0)
            return null;
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return d;
        Problem(column, $"“{v}”不是数字");
        return null;
    }

    public bool YesNo(string column)
    {
        var v = cell(column);
        switch (v)
        {
            case "是" or "有" or "Y" or "y" or "1" or "TRUE" or "true": return true;
            case "" or "否" or "无" or "N" or "n" or "0" or "FALSE" or "false": return false;
            default:
                Problem(column, $"“{v}”应填“是”或“否”");
                return false;
        }
    }

    public DateOnly Date(string column)
    {
        var v = cell(column);
        if (v.Length == 0)
        {
            Problem(column, "日期不能为空");
            return default;
        }
        if (DateOnly.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        Problem(column, $"“{v}”不是有效日期(示例：2024-05-01)");
        return default;
    }

    /// <summary>A date that may be left empty.</summary>
    public DateOnly? OptionalDate(string column) => cell(column).Length == 0 ? null : Date(column);

    /// <summary>One value of an enum, written as its Chinese label (the same label exports write); empty or unknown is a problem.</summary>
    public T? Choice<T>(string column, Func<T, string> label) where T : struct, Enum
    {
        var v = cell(column);
        var values = Enum.GetValues<T>();
        foreach (var value in values)
        {
            if (string.Equals(label(value), v, StringComparison.Ordinal))
                return value;
        }
        Problem(column, v.Length == 0 ? $"“{column}”不能为空" : $"“{v}”应为：{string.Join("、", values.Select(label).Distinct())}");
        return null;
    }

    public Sector Sector(string column)
    {
        var v = cell(column);
        if (SectorSet.Parse(v) is { } s)
            return s;
        Problem(column, $"“{v}”不是十大重点行业领域之一({string.Join("、", SectorSet.Each.Select(SectorSet.Label))})");
        return default;
    }

    public StandardisationGrade? Standardisation(string column) => cell(column) switch
    {
        "" or "无" or "未评级" => null,
        "一级" or "1" => StandardisationGrade.Level1,
        "二级" or "2" => StandardisationGrade.Level2,
        "三级" or "3" => StandardisationGrade.Level3,
        var v => ProblemNull(column, $"“{v}”应为一级、二级、三级或留空"),
    };

    private StandardisationGrade? ProblemNull(string column, string message)
    {
        Problem(column, message);
        return null;
    }
}
