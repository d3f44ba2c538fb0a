namespace Tianshan.Core.Platform;

/// <summary>The roles of PRODUCT.md "Who uses it". Role names are stable identifiers; labels are for the UI.</summary>
public static class Roles
{
    public const string Bureau = "bureau";
    public const string Department = "department";
    public const string Street = "street";
    public const string Community = "community";
    public const string Enterprise = "enterprise";
    public const string Inspector = "inspector";
    /// <summary>信息审核发布: reviews and releases warnings drafted by others (the four-eyes rule of warning release).</summary>
    public const string WarningPublisher = "warning-publisher";

    public static readonly IReadOnlyList<string> All = [Bureau, Department, Street, Community, Enterprise, Inspector, WarningPublisher];

    public static string Label(string role) => role switch
    {
        Bureau => "区应急管理局",
        Department => "行业部门",
        Street => "街道",
        Community => "社区",
        Enterprise => "企业",
        Inspector => "执法人员",
        WarningPublisher => "信息审核发布",
        _ => role,
    };

    /// <summary>Roles that may create or change registry records (each still limited to its own scope).</summary>
    public const string RegistryEditors = Bureau + "," + Department + "," + Street + "," + Enterprise;
}
