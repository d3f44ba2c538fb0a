using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>Sensor lists in Excel: export, and an all-or-nothing import keyed by (enterprise credit code, sensor code),
/// so re-importing updates and never duplicates. Same header-by-name reading as the registry imports.</summary>
public static class SensorWorkbook
{
    private const string Enterprise = "企业统一社会信用代码";
    private const string Code = "传感器编码";
    private const string Name = "传感器名称";
    private const string Kind = "类型";
    private const string Unit = "单位";
    private const string RangeMin = "量程下限";
    private const string RangeMax = "量程上限";
    private const string HazardCode = "重大危险源编号";
    private const string HighHigh = "高高报";
    private const string High = "高报";
    private const string Low = "低报";
    private const string LowLow = "低低报";
    private const string Deadband = "死区";
    private const string Period = "采样周期(秒)";
    private static readonly string[] Headers = [Enterprise, Code, Name, Kind, Unit, RangeMin, RangeMax, HazardCode, HighHigh, High, Low, LowLow, Deadband, Period];

    public static async Task<byte[]> ExportAsync(TianshanDb db, CancellationToken ct)
    {
        var sensors = await db.Sensors.AsNoTracking().Include(s => s.Enterprise).Include(s => s.MajorHazardSource)
            .OrderBy(s => s.Enterprise!.CreditCode).ThenBy(s => s.Code).ToListAsync(ct);
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("传感器");
        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = Headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = 16;
        }
        var r = 2;
        foreach (var s in sensors)
        {
            sheet.Cell(r, 1).SetValue(s.Enterprise!.CreditCode);
            sheet.Cell(r, 2).SetValue(s.Code);
            sheet.Cell(r, 3).SetValue(s.Name);
            sheet.Cell(r, 4).SetValue(SensorKinds.Label(s.Kind));
            sheet.Cell(r, 5).SetValue(s.Unit);
            Number(sheet.Cell(r, 6), s.RangeMin);
            Number(sheet.Cell(r, 7), s.RangeMax);
            sheet.Cell(r, 8).SetValue(s.MajorHazardSource?.Code ?? "");
            Number(sheet.Cell(r, 9), s.Rules.HighHigh);
            Number(sheet.Cell(r, 10), s.Rules.High);
            Number(sheet.Cell(r, 11), s.Rules.Low);
            Number(sheet.Cell(r, 12), s.Rules.LowLow);
            Number(sheet.Cell(r, 13), s.Rules.Deadband);
            Number(sheet.Cell(r, 14), s.Rules.SamplingPeriod.TotalSeconds);
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Number(IXLCell cell, double? value)
    {
        if (value is { } v)
            cell.Value = v;
    }

    public static async Task<ImportReport> ImportAsync(TianshanDb db, Stream file, CancellationToken ct)
    {
        var (rows, problems) = RegistryWorkbooks.ReadSheet(file, [Enterprise, Code, Name, Kind]);
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems);
        var enterprises = await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.CreditCode, ct);
        var hazards = await db.MajorHazardSources.AsNoTracking().Select(m => new { m.Id, m.EnterpriseId, m.Code }).ToListAsync(ct);
        var existing = await db.Sensors.ToListAsync(ct);
        var parsed = new List<(Guid EnterpriseId, SensorDetails Details, int Row)>();
        var seen = new HashSet<(Guid, string)>();
        foreach (var (row, cell) in rows)
        {
            var cells = new ImportCells(row, cell, problems);
            var code = CreditCode.Normalize(cells.Text(Enterprise));
            if (!enterprises.TryGetValue(code, out var enterprise))
            {
                cells.Problem(Enterprise, $"统一社会信用代码“{code}”的企业未登记或不在您的管辖范围内");
                continue;
            }
            var kind = SensorKinds.Parse(cells.Text(Kind));
            if (kind is null)
                cells.Problem(Kind, $"“{cells.Text(Kind)}”不是传感器类型({string.Join("、", SensorKinds.Each.Select(SensorKinds.Label))})");
            Guid? hazardId = null;
            if (cells.Optional(HazardCode) is { } hazardCode)
            {
                hazardId = hazards.FirstOrDefault(h => h.EnterpriseId == enterprise.Id && h.Code == hazardCode)?.Id;
                if (hazardId is null)
                    cells.Problem(HazardCode, $"该企业没有编号为“{hazardCode}”的重大危险源");
            }
            var sensorCode = cells.Text(Code);
            if (!seen.Add((enterprise.Id, sensorCode)))
                cells.Problem(Code, $"传感器编码“{sensorCode}”在文件中重复");
            var hasLimits = new[] { HighHigh, High, Low, LowLow }.Any(c => cells.Text(c).Length > 0);
            var rules = !hasLimits && kind is { } k && SensorKinds.IsGasDetector(k) && k != SensorKind.ToxicGas ? null : new AlarmRules
            {
                HighHigh = cells.OptionalDouble(HighHigh),
                High = cells.OptionalDouble(High),
                Low = cells.OptionalDouble(Low),
                LowLow = cells.OptionalDouble(LowLow),
                Deadband = cells.OptionalDouble(Deadband) ?? 0,
                SamplingPeriod = TimeSpan.FromSeconds(cells.OptionalDouble(Period) ?? 10),
            };
            var details = new SensorDetails
            {
                Code = sensorCode,
                Name = cells.Text(Name),
                Kind = kind ?? default,
                Unit = cells.Optional(Unit),
                RangeMin = cells.OptionalDouble(RangeMin),
                RangeMax = cells.OptionalDouble(RangeMax),
                MajorHazardSourceId = hazardId,
                Rules = rules,
            };
            if (kind is not null)
            {
                try
                {
                    // Validates without storing: the same rules the entity enforces.
                    Sensor.Create(enterprise.Id, 0, details);
                }
                catch (DomainValidationException e)
                {
                    foreach (var m in e.Errors.SelectMany(x => x.Value))
                        cells.Problem(Code, m);
                }
            }
            parsed.Add((enterprise.Id, details, row));
        }
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems.OrderBy(p => p.Row).ToList());
        var nextStoreId = (await db.Sensors.IgnoreQueryFilters().MaxAsync(s => (int?)s.StoreId, ct) ?? 0) + 1;
        int created = 0, updated = 0;
        foreach (var (enterpriseId, details, _) in parsed)
        {
            var sensor = existing.FirstOrDefault(s => s.EnterpriseId == enterpriseId && s.Code == details.Code.Trim());
            if (sensor is null)
            {
                db.Sensors.Add(Sensor.Create(enterpriseId, nextStoreId++, details));
                created++;
            }
            else
            {
                sensor.Update(details);
                updated++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(true, created, updated, []);
    }

    internal static void MapSensorWorkbook(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring/sensors").WithTags("Monitoring").RequireAuthorization();
        api.MapGet("/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(await ExportAsync(db, ct), RegistryWorkbooks.ContentType, $"传感器_{ChinaTime.Today(time).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx"));
        api.MapPost("/import", async (TianshanDb db, IFormFile file, SensorDirectory directory, AlarmEngine engine, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var report = await ImportAsync(db, stream, ct);
            if (!report.Stored)
                return Results.BadRequest(report);
            await directory.ReloadAsync(ct);
            await engine.ReloadAsync(ct);
            return Results.Ok(report);
        }).DisableAntiforgery().RequireAuthorization(p => p.RequireRole(Roles.Bureau, Roles.Enterprise));
    }
}
