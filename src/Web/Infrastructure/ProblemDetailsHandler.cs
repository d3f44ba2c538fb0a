using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Infrastructure;

/// <summary>The one place where exceptions become ProblemDetails: business rules 400, scope/absence 404,
/// workflow conflicts 409, malformed requests 400. Titles follow the request's language (zh-CN first).</summary>
internal sealed partial class ProblemDetailsHandler(IProblemDetailsService problems, ILogger<ProblemDetailsHandler> logger) : IExceptionHandler
{
    /// <summary>ASP.NET's message when a route or query value does not convert: Failed to bind parameter "Nullable&lt;DateOnly&gt; from" from "abc".</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "(?:Nullable<)?(?<type>[\w.]+)>?\?? (?<name>[^"]+)" from "(?<value>[^"]*)".""")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    /// <summary>The parameter, the value given and what was expected, when a query or route value would not convert; the
    /// user then reads which field is wrong in Chinese rather than the framework's English.</summary>
    private static (string? Name, string Value, (string Zh, string En) Expected) BadParameter(BadHttpRequestException e)
    {
        var match = BindFailure().Match(e.Message);
        if (!match.Success)
            return (null, "", ("", ""));
        var expected = match.Groups["type"].Value switch
        {
            "DateOnly" => ("日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)"),
            "DateTimeOffset" or "DateTime" => ("时间（ISO 8601，如 2026-11-28T08:00:00+08:00）", "a time (ISO 8601)"),
            "int" or "long" => ("整数", "a whole number"),
            "decimal" or "double" => ("数字", "a number"),
            "Guid" => ("记录编号（GUID）", "a record id (GUID)"),
            "bool" => ("true 或 false", "true or false"),
            _ => ("允许的取值之一", "one of the allowed values"),
        };
        return (match.Groups["name"].Value, match.Groups["value"].Value, expected);
    }

    /// <summary>
    /// The errors keyed by the API's own field names: requests and responses are camelCase JSON, while a domain rule names
    /// the property it checks (CreditCode, Levels[0].Triggers). A client reads errors["creditCode"] for the field it sent.
    /// </summary>
    private static Dictionary<string, string[]> ApiFieldErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            var name = ApiFieldName(key);
            result[name] = result.TryGetValue(name, out var earlier) ? [.. earlier, .. messages] : messages;
        }
        return result;
    }

    /// <summary>"Levels[0].Triggers" → "levels[0].triggers": each segment of a property path camelCased, indexes kept.</summary>
    private static string ApiFieldName(string key) =>
        string.Join('.', key.Split('.').Select(segment => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(segment)));

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            DomainValidationException e => new ValidationProblemDetails(ApiFieldErrors(e.Errors))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = Text.Of("请求数据不符合业务规则", "The request breaks a business rule"),
                Detail = e.Message,
            },
            NotFoundException e => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = Text.Of("未找到", "Not found"),
                Detail = e.Message,
            },
            ForbiddenException e => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = Text.Of("无权执行此操作", "Forbidden"),
                Detail = e.Message,
            },
            WorkflowException e => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Text.Of("操作与当前状态冲突", "The operation conflicts with the current state"),
                Detail = e.Message,
            },
            StorageUnavailableException e => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = Text.Of("数据库暂不可用", "The database is temporarily unavailable"),
                Detail = e.Message,
            },
            BadHttpRequestException e when BadParameter(e) is var (name, value, expected) && name is not null => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [name] = [Text.Of($"参数 {name} 的值“{value}”格式不正确，应为{expected.Zh}", $"Parameter {name}: \"{value}\" is not {expected.En}")] })
            {
                Status = e.StatusCode,
                Title = Text.Of("请求格式错误", "Malformed request"),
                Detail = Text.Of($"参数 {name} 的值“{value}”格式不正确，应为{expected.Zh}", $"Parameter {name}: \"{value}\" is not {expected.En}"),
            },
            BadHttpRequestException e => new ProblemDetails
            {
                Status = e.StatusCode,
                Title = Text.Of("请求格式错误", "Malformed request"),
                Detail = Text.Of("请求内容无法解析：", "The request body could not be read: ") + (e.InnerException?.Message ?? e.Message),
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = Text.Of("服务器内部错误", "Internal server error"),
                Detail = Text.Of("请求未能完成，已记录日志；已保存的数据未受影响。", "The request failed and was logged; stored data is unaffected."),
            },
        };
        if (problem.Status >= 500)
            Log.Unhandled(logger, exception, http.Request.Method, http.Request.Path.Value ?? "");
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}

/// <summary>Chinese first, English second: picks the text for the current UI culture.</summary>
public static class Text
{
    public static string Of(string zh, string en) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : zh;
}
