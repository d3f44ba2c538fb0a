using System.Globalization;
using Tianshan.Core.Resources;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Resources;

/// <summary>One column of a resource ledger: its Chinese header (the same in the page, the export and the import), how a
/// record shows it, and how a cell's text is parsed into the record (problems collected, never thrown).</summary>
internal sealed record LedgerColumn<T>(string Header, Func<T, string> Show, Action<T, ImportCells>? Parse, bool Required = false, string? Hint = null,
    Func<T, object?>? Cell = null, IReadOnlyList<string>? Choices = null);

/// <summary>One field of a ledger's edit form: its header (the column's), whether it must be filled, and the labels it must be
/// one of (enums and yes/no), if any.</summary>
public sealed record LedgerField(string Header, bool Required, IReadOnlyList<string>? Choices);

/// <summary>A ledger of the resource atlas: its route, title, roles and columns. The generic endpoints, the Excel import and
/// export and the page all run from this one description, so the three never disagree about a column.</summary>
public interface ILedger
{
    string Kind { get; }
    string Title { get; }
    string TitleEn { get; }
    Type RecordType { get; }
    IReadOnlyList<string> Headers { get; }
    Task<List<LedgerRow>> ListAsync(Tianshan.Core.Data.TianshanDb db, string? q, CancellationToken ct);
    Task<ImportReport> ImportAsync(Tianshan.Core.Data.TianshanDb db, System.Security.Claims.ClaimsPrincipal user, Stream file, CancellationToken ct);
    /// <summary>The edit form's fields, in column order.</summary>
    IReadOnlyList<LedgerField> Fields { get; }
    /// <summary>Creates (id null) or updates a record from the edit form's text by header, parsed as an import row is and saved by
    /// the API's own <see cref="LedgerActions.SaveAsync"/> (same roles, jurisdiction, rules and unique code).</summary>
    Task<LedgerRow> SaveAsync(Tianshan.Core.Data.TianshanDb db, System.Security.Claims.ClaimsPrincipal user, Guid? id,
        IReadOnlyDictionary<string, string> values, Guid divisionId, CancellationToken ct);
}

internal sealed class Ledger<T>(string kind, string title, string titleEn, IReadOnlyList<LedgerColumn<T>> columns) : ILedger where T : ResourceRecord, new()
{
    public string Kind => kind;
    public string Title => title;
    public string TitleEn => titleEn;
    public Type RecordType => typeof(T);
    public IReadOnlyList<LedgerColumn<T>> Columns => columns;
    public IReadOnlyList<string> Headers => [.. columns.Select(c => c.Header)];

    public Task<List<LedgerRow>> ListAsync(Tianshan.Core.Data.TianshanDb db, string? q, CancellationToken ct) => LedgerActions.ListAsync(db, this, q, ct);

    public Task<ImportReport> ImportAsync(Tianshan.Core.Data.TianshanDb db, System.Security.Claims.ClaimsPrincipal user, Stream file, CancellationToken ct) =>
        LedgerActions.ImportAsync(db, user, this, file, ct);

    public IReadOnlyList<LedgerField> Fields => [.. columns.Where(c => c.Parse is not null).Select(c => new LedgerField(c.Header, c.Required, c.Choices))];

    public async Task<LedgerRow> SaveAsync(Tianshan.Core.Data.TianshanDb db, System.Security.Claims.ClaimsPrincipal user, Guid? id,
        IReadOnlyDictionary<string, string> values, Guid divisionId, CancellationToken ct)
    {
        LedgerActions.RequireWriter(user);
        var saved = await LedgerActions.SaveAsync(db, user, id, LedgerActions.Parse(this, values, divisionId), ct);
        return LedgerActions.Row(this, saved);
    }
}

/// <summary>Column builders: text, numbers, yes/no and enums by their Chinese labels.</summary>
internal static class Col
{
    public const string Code = "编号";
    public const string Name = "名称";
    public const string DivisionCode = "所属区划代码";
    public const string DivisionName = "所属区划";
    public const string Latitude = "纬度";
    public const string Longitude = "经度";
    public const string Address = "地址";
    public const string Note = "备注";

    public static LedgerColumn<T> Text<T>(string header, Func<T, string?> get, Action<T, string?> set, bool required = false) =>
        new(header, r => get(r) ?? "", (r, c) => set(r, c.Optional(header)), required);

    public static LedgerColumn<T> Int<T>(string header, Func<T, int> get, Action<T, int> set, bool required = false) =>
        new(header, r => get(r).ToString(CultureInfo.InvariantCulture), (r, c) => set(r, c.Int(header)), required, Cell: r => get(r));

    public static LedgerColumn<T> Decimal<T>(string header, Func<T, decimal?> get, Action<T, decimal?> set, bool required = false) =>
        new(header, r => get(r)?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", (r, c) => set(r, c.OptionalDecimal(header)), required,
            Cell: r => get(r));

    public static LedgerColumn<T> Double<T>(string header, Func<T, double?> get, Action<T, double?> set) =>
        new(header, r => get(r)?.ToString("0.######", CultureInfo.InvariantCulture) ?? "", (r, c) => set(r, c.OptionalDouble(header)), Cell: r => get(r));

    public static LedgerColumn<T> YesNo<T>(string header, Func<T, bool> get, Action<T, bool> set) =>
        new(header, r => get(r) ? "是" : "否", (r, c) => set(r, c.YesNo(header)), Hint: "是/否", Choices: ["是", "否"]);

    public static LedgerColumn<T> Enum<T, TEnum>(string header, Func<T, TEnum> get, Action<T, TEnum> set, Func<TEnum, string> label)
        where TEnum : struct, System.Enum =>
        new(header, r => label(get(r)), (r, c) =>
        {
            var text = c.Text(header);
            if (text.Length == 0)
                return;
            if (ResourceLabels.Parse(text, label) is { } v)
                set(r, v);
            else
                c.Problem(header, $"“{text}”应为：{string.Join("、", System.Enum.GetValues<TEnum>().Select(label))}");
        }, Hint: string.Join("/", System.Enum.GetValues<TEnum>().Select(label)), Choices: [.. System.Enum.GetValues<TEnum>().Select(label)]);

    /// <summary>编号 and 名称 first, then the type's own columns, then position, address and note.</summary>
    public static List<LedgerColumn<T>> With<T>(params LedgerColumn<T>[] own) where T : ResourceRecord =>
    [
        Text<T>(Code, r => r.Code, (r, v) => r.Code = v ?? "", required: true),
        Text<T>(Name, r => r.Name, (r, v) => r.Name = v ?? "", required: true),
        .. own,
        Double<T>(Latitude, r => r.Latitude, (r, v) => r.Latitude = v),
        Double<T>(Longitude, r => r.Longitude, (r, v) => r.Longitude = v),
        Text<T>(Address, r => r.Address, (r, v) => r.Address = v),
        Text<T>(Note, r => r.Note, (r, v) => r.Note = v),
    ];
}
