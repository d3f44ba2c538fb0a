namespace Tianshan.Web.Infrastructure;

/// <summary>Titles for ProblemDetails written by the framework (401, 403, 404 …), in the request's language.</summary>
public static class StatusTitles
{
    public static string Of(int status) => status switch
    {
        StatusCodes.Status400BadRequest => Text.Of("请求无效", "Bad request"),
        StatusCodes.Status401Unauthorized => Text.Of("请先登录", "Login required"),
        StatusCodes.Status403Forbidden => Text.Of("无权访问", "Forbidden"),
        StatusCodes.Status404NotFound => Text.Of("未找到", "Not found"),
        StatusCodes.Status405MethodNotAllowed => Text.Of("不支持的请求方法", "Method not allowed"),
        StatusCodes.Status415UnsupportedMediaType => Text.Of("不支持的内容类型", "Unsupported media type"),
        _ => Text.Of("请求失败", "Request failed"),
    };
}
