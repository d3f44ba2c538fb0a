namespace Tianshan.Core.Platform;

/// <summary>The caller may see the record but not make this change, or the change would leave its scope (HTTP 403).</summary>
public class ForbiddenException(string message) : Exception(message);
