using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.People;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;
using Tianshan.Web.Features.Registry;
using Columns = Tianshan.Web.Features.People.PeopleWorkbooks.PeopleColumns;

namespace Tianshan.Web.Features.People;

/// <summary>
/// Imports people and their certificates from Excel, the registry's way (<see cref="RegistryWorkbooks.ReadSheet"/>,
/// <see cref="ImportCells"/>, <see cref="ImportReport"/>): all or nothing, every problem listed by row and column, and the
/// same entity rules as the forms and the API. One row per certificate (the export's layout): a person is keyed by 单位 and
/// 姓名, a certificate by 证书类型 and 证书编号, so re-importing an edited export updates in place and never duplicates.
/// </summary>
public static class ImportPeople
{
    private static readonly Dictionary<string, string> FieldColumns = new(StringComparer.Ordinal)
    {
        ["name"] = Columns.Name,
        ["role"] = Columns.Role,
        ["position"] = Columns.Position,
        ["phone"] = Columns.Phone,
        ["kind"] = Columns.Kind,
        ["category"] = Columns.Category,
        ["number"] = Columns.Number,
        ["issuingAuthority"] = Columns.Authority,
        ["issuedOn"] = Columns.IssuedOn,
        ["expiresOn"] = Columns.ExpiresOn,
    };

    private sealed record Owner(Guid Id, string Name, string CreditCode);

    private sealed record Seen(int Row, Person Person, PersonDetails Details);

    public static async Task<ImportReport> Handle(TianshanDb db, ClaimsPrincipal user, Stream file, CancellationToken ct)
    {
        if (!PeopleActions.Writers.Any(user.IsInRole))
            throw new ForbiddenException("您的角色不能登记人员");
        var (rows, problems) = RegistryWorkbooks.ReadSheet(file, Columns.Required);
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems);
        if (rows.Count == 0)
            return new ImportReport(false, 0, 0, [new ImportProblem(2, "", "文件中没有数据行")]);

        // Enterprises the caller may record people for (the scoped set: an enterprise user has only its own).
        var enterprises = await db.Enterprises.AsNoTracking().Select(e => new Owner(e.Id, e.Name, e.CreditCode)).ToListAsync(ct);
        var people = await db.People.Include(p => p.Certificates).ToListAsync(ct);
        // Certificate numbers are unique per kind across the district, other enterprises' included (as AddCertificateAsync).
        var certificates = (await db.Certificates.IgnoreQueryFilters().Select(c => new { c.Kind, c.Number, c.PersonId }).ToListAsync(ct))
            .ToDictionary(c => (c.Kind, c.Number), c => c.PersonId);
        var seenPeople = new Dictionary<(Guid?, string), Seen>();
        var seenCertificates = new Dictionary<(CertificateKind, string), int>();
        int created = 0, updated = 0;
        foreach (var (row, cell) in rows)
        {
            var cells = new ImportCells(row, cell, problems);
            var known = OwnerOf(db, user, enterprises, cells, out var owner);
            var details = new PersonDetails
            {
                Name = cells.Text(Columns.Name), Role = cells.Choice<PersonRole>(Columns.Role, PeopleLabels.Label) ?? default,
                Position = cells.Optional(Columns.Position), Phone = cells.Optional(Columns.Phone), HiredOn = cells.OptionalDate(Columns.HiredOn),
            };
            if (!known)
                continue;
            var key = (owner, details.Name);
            Person? person;
            if (seenPeople.TryGetValue(key, out var first))
            {
                if (first.Details != details)
                    cells.Problem(Columns.Name, $"与第{first.Row}行是同一人员（同单位同姓名），但人员类别、岗位、电话或入职日期不一致");
                person = first.Person;
            }
            else
            {
                person = Person(db, people, owner, details, cells, ref created, ref updated);
                if (person is not null)
                    seenPeople[key] = new Seen(row, person, details);
            }
            if (Columns.Certificate.Any(c => cells.Text(c).Length > 0))
                Certificate(db, person, certificates, seenCertificates, cells, ref created, ref updated);
        }
        if (problems.Count > 0)
        {
            // Nothing stored: forget every change made while checking (a page's context outlives this call).
            db.ChangeTracker.Clear();
            return new ImportReport(false, 0, 0, problems.OrderBy(p => p.Row).ToList());
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(true, created, updated, []);
    }

    /// <summary>Whose person a row is: an enterprise user's own enterprise (naming another is a problem); for the bureau the
    /// enterprise named by credit code or by name in its scope, or its own staff (单位 empty or 区应急管理局: owner null). False:
    /// a problem, reported.</summary>
    private static bool OwnerOf(TianshanDb db, ClaimsPrincipal user, List<Owner> enterprises, ImportCells cells, out Guid? owner)
    {
        owner = null;
        var unit = cells.Text(Columns.Affiliation);
        var code = CreditCode.Normalize(cells.Text(Columns.CreditCode));
        if (db.Scope.EnterpriseId is { } own)
        {
            var mine = enterprises.Single(e => e.Id == own);
            if (code.Length > 0 && code != mine.CreditCode)
                cells.Problem(Columns.CreditCode, "只能导入本企业的人员");
            else if (unit.Length > 0 && unit != mine.Name)
                cells.Problem(Columns.Affiliation, $"只能导入本企业（{mine.Name}）的人员");
            else
                owner = own;
            return owner is not null;
        }
        if (code.Length > 0)
        {
            owner = enterprises.FirstOrDefault(e => e.CreditCode == code)?.Id;
            if (owner is null)
                cells.Problem(Columns.CreditCode, $"统一社会信用代码“{code}”对应的企业不存在或不在您的管辖范围内");
            return owner is not null;
        }
        if (unit.Length == 0 || unit == PeopleActions.BureauName)
        {
            if (user.IsInRole(Roles.Bureau))
                return true;
            cells.Problem(Columns.Affiliation, "局机关人员由区应急管理局管理");
            return false;
        }
        var byName = enterprises.Where(e => e.Name == unit).ToList();
        if (byName.Count == 1)
        {
            owner = byName[0].Id;
            return true;
        }
        cells.Problem(Columns.Affiliation, byName.Count == 0
            ? $"单位“{unit}”不存在或不在您的管辖范围内"
            : $"有 {byName.Count} 家企业名为“{unit}”，请填写统一社会信用代码");
        return false;
    }

    /// <summary>The stored person of this owner and name, updated; or a new one. Null when the row has a problem.</summary>
    private static Person? Person(TianshanDb db, List<Person> people, Guid? owner, PersonDetails details, ImportCells cells, ref int created, ref int updated)
    {
        var name = details.Name.Trim();
        var matches = people.Where(p => p.EnterpriseId == owner && p.Name == name).ToList();
        if (matches.Count > 1)
        {
            cells.Problem(Columns.Name, $"本单位已登记 {matches.Count} 名“{name}”，无法确定是哪一位，请在页面上逐一修改");
            return null;
        }
        if (details.Role == default)
            return null; // the role cell is already reported
        try
        {
            if (matches.Count == 1)
            {
                matches[0].Update(details);
                updated++;
                return matches[0];
            }
            var person = Core.People.Person.Create(owner, details);
            db.People.Add(person);
            created++;
            return person;
        }
        catch (DomainValidationException e)
        {
            Report(cells, e);
            return null;
        }
    }

    private static void Certificate(TianshanDb db, Person? person, Dictionary<(CertificateKind, string), Guid> stored,
        Dictionary<(CertificateKind, string), int> seen, ImportCells cells, ref int created, ref int updated)
    {
        var kind = cells.Choice<CertificateKind>(Columns.Kind, PeopleLabels.Label);
        var details = new CertificateDetails
        {
            Kind = kind ?? default, Category = cells.Optional(Columns.Category), Number = cells.Text(Columns.Number), IssuingAuthority = cells.Text(Columns.Authority),
            IssuedOn = cells.Date(Columns.IssuedOn), ExpiresOn = cells.Date(Columns.ExpiresOn),
        };
        if (kind is null || person is null)
            return;
        var key = (kind.Value, details.Number.Trim());
        if (key.Item2.Length > 0 && !seen.TryAdd(key, cells.Row))
        {
            cells.Problem(Columns.Number, $"与第{seen[key]}行的{PeopleLabels.Label(kind.Value)}编号重复");
            return;
        }
        try
        {
            if (stored.TryGetValue(key, out var holder))
            {
                if (holder != person.Id)
                {
                    cells.Problem(Columns.Number, $"{PeopleLabels.Label(kind.Value)} {key.Item2} 已登记在其他人员名下");
                    return;
                }
                person.Certificates.Single(c => c.Kind == key.Item1 && c.Number == key.Item2).Update(details);
                updated++;
                return;
            }
            db.Certificates.Add(Core.People.Certificate.Create(person.Id, details));
            created++;
        }
        catch (DomainValidationException e)
        {
            // Dates that failed to parse are already reported by their cells.
            Report(cells, e, skip: f => (f == "issuedOn" && details.IssuedOn == default) || (f == "expiresOn" && details.ExpiresOn == default));
        }
    }

    private static void Report(ImportCells cells, DomainValidationException e, Func<string, bool>? skip = null)
    {
        foreach (var (field, messages) in e.Errors)
        {
            if (skip?.Invoke(field) == true)
                continue;
            foreach (var m in messages)
                cells.Problem(FieldColumns.GetValueOrDefault(field, field), m);
        }
    }
}
