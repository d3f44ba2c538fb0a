using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Infrastructure;

/// <summary>The one place where exceptions become ProblemDetails: business rules 400, scope/absence 404,
/// workflow conflicts 409, malformed requests 400. Titles follow the request's language (zh-CN first).</summary>
internal sealed class ProblemDetailsHandler(IProblemDetailsService problems, ILogger<ProblemDetailsHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            DomainValidationException e => new ValidationProblemDetails(e.Errors.ToDictionary(x => x.Key, x => x.Value))
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
